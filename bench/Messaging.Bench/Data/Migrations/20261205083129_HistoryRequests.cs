using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MicroInternships.Messaging.Bench.Data.Migrations
{
    /// <inheritdoc />
    public partial class HistoryRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "history_requests",
                columns: table => new
                {
                    event_type = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_history_requests", x => x.event_type);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "history_requests");
        }
    }
}
