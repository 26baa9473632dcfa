using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MicroInternships.Placements.Data.Migrations
{
    /// <inheritdoc />
    public partial class CancellationSettlements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "dispute_reason",
                table: "placements",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "disputed_at",
                table: "placements",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "escalated_at",
                table: "placements",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "proposed_payable_cents",
                table: "placements",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "settled_at",
                table: "placements",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "settled_by",
                table: "placements",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "settlement",
                table: "placements",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "none");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "settlement_due_at",
                table: "placements",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "settlement_reason",
                table: "placements",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            // Cancellations made before settlements existed were paid their pro rata share at once: that was final.
            migrationBuilder.Sql("""
                UPDATE placements SET settlement = 'final', proposed_payable_cents = payable_cents, settled_at = cancelled_at
                WHERE status = 'cancelled'
                """);

            migrationBuilder.CreateIndex(
                name: "ix_placements_settlement_created_at_id",
                table: "placements",
                columns: new[] { "settlement", "created_at", "id" },
                filter: "settlement <> 'none'");

            migrationBuilder.CreateIndex(
                name: "ix_placements_settlement_due_at",
                table: "placements",
                column: "settlement_due_at",
                filter: "settlement IN ('pending', 'settled')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_placements_settlement_created_at_id",
                table: "placements");

            migrationBuilder.DropIndex(
                name: "ix_placements_settlement_due_at",
                table: "placements");

            migrationBuilder.DropColumn(
                name: "dispute_reason",
                table: "placements");

            migrationBuilder.DropColumn(
                name: "disputed_at",
                table: "placements");

            migrationBuilder.DropColumn(
                name: "escalated_at",
                table: "placements");

            migrationBuilder.DropColumn(
                name: "proposed_payable_cents",
                table: "placements");

            migrationBuilder.DropColumn(
                name: "settled_at",
                table: "placements");

            migrationBuilder.DropColumn(
                name: "settled_by",
                table: "placements");

            migrationBuilder.DropColumn(
                name: "settlement",
                table: "placements");

            migrationBuilder.DropColumn(
                name: "settlement_due_at",
                table: "placements");

            migrationBuilder.DropColumn(
                name: "settlement_reason",
                table: "placements");
        }
    }
}
