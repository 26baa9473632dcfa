using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MicroInternships.Events.Data.Migrations
{
    /// <inheritdoc />
    public partial class EventLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "event_log",
                columns: table => new
                {
                    seq = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_type = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_event_log", x => x.seq);
                });

            migrationBuilder.CreateIndex(
                name: "ix_event_log_type_seq",
                table: "event_log",
                columns: new[] { "message_type", "seq" });

            migrationBuilder.CreateIndex(
                name: "ux_event_log_message_id",
                table: "event_log",
                column: "message_id",
                unique: true);

            // The events still in the outbox (its retention) start the log; older ones were pruned before it existed.
            migrationBuilder.Sql(
                "INSERT INTO event_log (message_id, message_type, payload, created_at) " +
                "SELECT id, message_type, payload, created_at FROM outbox_messages ORDER BY created_at, id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "event_log");
        }
    }
}
