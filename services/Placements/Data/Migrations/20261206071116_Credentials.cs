using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MicroInternships.Placements.Data.Migrations
{
    /// <inheritdoc />
    public partial class Credentials : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateSequence(
                name: "credential_status_index",
                startValue: 0L,
                minValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "credential_id",
                table: "placements",
                type: "character varying(22)",
                maxLength: 22,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "endorsements",
                table: "placements",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'[]'::jsonb");

            migrationBuilder.CreateTable(
                name: "credentials",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(22)", maxLength: 22, nullable: false),
                    placement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    student_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    includes_name = table.Column<bool>(type: "boolean", nullable: false),
                    status_index = table.Column<long>(type: "bigint", nullable: false),
                    key_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    jwt = table.Column<string>(type: "text", nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revocation_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credentials", x => x.id);
                    table.ForeignKey(
                        name: "fk_credentials_placements_placement_id",
                        column: x => x.placement_id,
                        principalTable: "placements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "portfolio_slugs",
                columns: table => new
                {
                    slug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    student_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_portfolio_slugs", x => x.slug);
                });

            migrationBuilder.CreateTable(
                name: "portfolios",
                columns: table => new
                {
                    student_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    slug = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    headline = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    published = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_portfolios", x => x.student_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_credentials_placement_id",
                table: "credentials",
                column: "placement_id");

            migrationBuilder.CreateIndex(
                name: "ix_credentials_revoked_status_index",
                table: "credentials",
                column: "status_index",
                filter: "revoked_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_credentials_status_index",
                table: "credentials",
                column: "status_index",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_credentials_student_id_issued_at",
                table: "credentials",
                columns: new[] { "student_id", "issued_at" },
                filter: "revoked_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_portfolios_slug",
                table: "portfolios",
                column: "slug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "credentials");

            migrationBuilder.DropTable(
                name: "portfolio_slugs");

            migrationBuilder.DropTable(
                name: "portfolios");

            migrationBuilder.DropColumn(
                name: "credential_id",
                table: "placements");

            migrationBuilder.DropColumn(
                name: "endorsements",
                table: "placements");

            migrationBuilder.DropSequence(
                name: "credential_status_index");
        }
    }
}
