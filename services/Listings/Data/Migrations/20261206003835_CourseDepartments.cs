using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MicroInternships.Listings.Data.Migrations
{
    /// <inheritdoc />
    public partial class CourseDepartments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "department",
                table: "courses",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                defaultValue: "unassigned");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "department",
                table: "courses");
        }
    }
}
