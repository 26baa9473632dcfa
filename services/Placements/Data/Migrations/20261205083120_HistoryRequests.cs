using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MicroInternships.Placements.Data.Migrations
{
    /// <inheritdoc />
    public partial class HistoryRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "version",
                table: "course_links",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // A link's last event carried its listing's version, which the listing's own snapshot in the same transaction
            // also carried: start each link at its copy's version, so replaying the history into a database that had it
            // (this version's first start asks for it) leaves every existing link as it is.
            migrationBuilder.Sql("UPDATE course_links c SET version = l.version FROM listings l WHERE l.id = c.listing_id");

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

            migrationBuilder.DropColumn(
                name: "version",
                table: "course_links");
        }
    }
}
