using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MicroInternships.Payments.Data.Migrations
{
    /// <inheritdoc />
    public partial class PayoutTraceContext : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "trace_parent",
                table: "payouts",
                type: "character varying(55)",
                maxLength: 55,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "trace_state",
                table: "payouts",
                type: "character varying(512)",
                maxLength: 512,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "trace_parent",
                table: "payouts");

            migrationBuilder.DropColumn(
                name: "trace_state",
                table: "payouts");
        }
    }
}
