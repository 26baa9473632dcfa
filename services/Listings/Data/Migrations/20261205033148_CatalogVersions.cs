using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MicroInternships.Listings.Data.Migrations
{
    /// <inheritdoc />
    public partial class CatalogVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "version",
                table: "organizations",
                type: "bigint",
                nullable: false,
                defaultValue: 1L);

            migrationBuilder.AddColumn<long>(
                name: "version",
                table: "courses",
                type: "bigint",
                nullable: false,
                defaultValue: 1L);

            migrationBuilder.AddColumn<long>(
                name: "version",
                table: "course_requests",
                type: "bigint",
                nullable: false,
                defaultValue: 1L);

            // Rows from before versions were counted: each was created (1), and an answered request changed once more.
            migrationBuilder.Sql("UPDATE course_requests SET version = 2 WHERE status <> 'pending';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "version",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "version",
                table: "courses");

            migrationBuilder.DropColumn(
                name: "version",
                table: "course_requests");
        }
    }
}
