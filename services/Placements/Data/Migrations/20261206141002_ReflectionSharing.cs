using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MicroInternships.Placements.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReflectionSharing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "sharing",
                table: "reflections",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "private");

            migrationBuilder.AddColumn<long>(
                name: "version",
                table: "reflections",
                type: "bigint",
                nullable: false,
                defaultValue: 1L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "sharing",
                table: "reflections");

            migrationBuilder.DropColumn(
                name: "version",
                table: "reflections");
        }
    }
}
