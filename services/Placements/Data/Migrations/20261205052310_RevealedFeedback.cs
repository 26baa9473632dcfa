using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MicroInternships.Placements.Data.Migrations
{
    /// <inheritdoc />
    public partial class RevealedFeedback : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "revealed_ratings",
                table: "placements",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "ix_placements_completed_at",
                table: "placements",
                column: "completed_at",
                filter: "status = 'completed' AND revealed_ratings = 0 AND (partner_feedback IS NOT NULL OR student_feedback IS NOT NULL)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_placements_completed_at",
                table: "placements");

            migrationBuilder.DropColumn(
                name: "revealed_ratings",
                table: "placements");
        }
    }
}
