using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace MicroInternships.Listings.Data.Migrations
{
    /// <inheritdoc />
    public partial class ListingsCatalog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:btree_gin", ",,");

            migrationBuilder.CreateTable(
                name: "courses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    faculty_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    faculty_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    term = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    disciplines = table.Column<List<string>>(type: "text[]", nullable: false),
                    discipline_keys = table.Column<string[]>(type: "text[]", nullable: false),
                    skills = table.Column<List<string>>(type: "text[]", nullable: false),
                    skill_keys = table.Column<string[]>(type: "text[]", nullable: false),
                    enrollment = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_courses", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "organizations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    website = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organizations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "placement_seats",
                columns: table => new
                {
                    placement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    listing_id = table.Column<Guid>(type: "uuid", nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_placement_seats", x => x.placement_id);
                });

            migrationBuilder.CreateTable(
                name: "listings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    summary = table.Column<string>(type: "character varying(280)", maxLength: 280, nullable: false),
                    description = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    skills = table.Column<List<string>>(type: "text[]", nullable: false),
                    skill_keys = table.Column<string[]>(type: "text[]", nullable: false),
                    search_skills = table.Column<string>(type: "text", nullable: false),
                    discipline = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    discipline_key = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    estimated_hours = table.Column<int>(type: "integer", nullable: false),
                    amount_cents = table.Column<long>(type: "bigint", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    openings = table.Column<int>(type: "integer", nullable: false),
                    filled_count = table.Column<int>(type: "integer", nullable: false),
                    application_deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    work_mode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    location = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    fund_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    close_reason = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    rank_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: false, computedColumnSql: "setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', search_skills), 'A') || setweight(to_tsvector('english', summary), 'B')", stored: true),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: false, computedColumnSql: "setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', search_skills), 'A') || setweight(to_tsvector('english', summary), 'B') || setweight(to_tsvector('english', description), 'C')", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_listings", x => x.id);
                    table.CheckConstraint("ck_listings_filled_count", "filled_count >= 0");
                    table.CheckConstraint("ck_listings_openings", "openings BETWEEN 1 AND 50");
                    table.ForeignKey(
                        name: "fk_listings_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "course_listings",
                columns: table => new
                {
                    course_id = table.Column<Guid>(type: "uuid", nullable: false),
                    listing_id = table.Column<Guid>(type: "uuid", nullable: false),
                    linked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_course_listings", x => new { x.course_id, x.listing_id });
                    table.ForeignKey(
                        name: "fk_course_listings_courses_course_id",
                        column: x => x.course_id,
                        principalTable: "courses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_course_listings_listings_listing_id",
                        column: x => x.listing_id,
                        principalTable: "listings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "course_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    listing_id = table.Column<Guid>(type: "uuid", nullable: false),
                    course_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    partner_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    faculty_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_course_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_course_requests_courses_course_id",
                        column: x => x.course_id,
                        principalTable: "courses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_course_requests_listings_listing_id",
                        column: x => x.listing_id,
                        principalTable: "listings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_course_listings_listing_id",
                table: "course_listings",
                column: "listing_id");

            migrationBuilder.CreateIndex(
                name: "ix_course_requests_course_id",
                table: "course_requests",
                column: "course_id");

            migrationBuilder.CreateIndex(
                name: "ix_course_requests_faculty_id_created_at",
                table: "course_requests",
                columns: new[] { "faculty_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_course_requests_listing_id_course_id",
                table: "course_requests",
                columns: new[] { "listing_id", "course_id" },
                unique: true,
                filter: "status = 'pending'");

            migrationBuilder.CreateIndex(
                name: "ix_course_requests_organization_id_created_at",
                table: "course_requests",
                columns: new[] { "organization_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_courses_created_at_id",
                table: "courses",
                columns: new[] { "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_courses_discipline_keys",
                table: "courses",
                column: "discipline_keys")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ix_courses_faculty_id_created_at_id",
                table: "courses",
                columns: new[] { "faculty_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_courses_skill_keys",
                table: "courses",
                column: "skill_keys")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ix_listings_application_deadline",
                table: "listings",
                column: "application_deadline",
                filter: "status = 'open'");

            migrationBuilder.CreateIndex(
                name: "ix_listings_organization_id_created_at_id",
                table: "listings",
                columns: new[] { "organization_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_listings_search_vector_status_work_mode_discipline_key",
                table: "listings",
                columns: new[] { "search_vector", "status", "work_mode", "discipline_key" })
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ix_listings_skill_keys",
                table: "listings",
                column: "skill_keys")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ix_listings_status_created_at_id",
                table: "listings",
                columns: new[] { "status", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_organizations_created_at_id",
                table: "organizations",
                columns: new[] { "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_placement_seats_listing_id",
                table: "placement_seats",
                column: "listing_id",
                filter: "active");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "course_listings");

            migrationBuilder.DropTable(
                name: "course_requests");

            migrationBuilder.DropTable(
                name: "placement_seats");

            migrationBuilder.DropTable(
                name: "courses");

            migrationBuilder.DropTable(
                name: "listings");

            migrationBuilder.DropTable(
                name: "organizations");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:btree_gin", ",,");
        }
    }
}
