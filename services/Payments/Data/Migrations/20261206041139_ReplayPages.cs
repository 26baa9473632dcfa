using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MicroInternships.Payments.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReplayPages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "paged",
                table: "replay_jobs",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "paged",
                table: "replay_jobs");
        }
    }
}
