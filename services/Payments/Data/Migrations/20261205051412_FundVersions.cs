using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MicroInternships.Payments.Data.Migrations
{
    /// <inheritdoc />
    public partial class FundVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "version",
                table: "funds",
                type: "bigint",
                nullable: false,
                defaultValue: 1L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "version",
                table: "funds");
        }
    }
}
