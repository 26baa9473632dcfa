using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MicroInternships.Events.Data.Migrations
{
    /// <inheritdoc />
    public partial class SlotVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "version",
                table: "slots",
                type: "bigint",
                nullable: false,
                defaultValue: 1L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "version",
                table: "slots");
        }
    }
}
