using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MicroInternships.Placements.Data.Migrations
{
    /// <inheritdoc />
    public partial class ApplicationsAndPlacements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "course_links",
                columns: table => new
                {
                    course_id = table.Column<Guid>(type: "uuid", nullable: false),
                    listing_id = table.Column<Guid>(type: "uuid", nullable: false),
                    faculty_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    faculty_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    course_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    linked = table.Column<bool>(type: "boolean", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_course_links", x => new { x.course_id, x.listing_id });
                });

            migrationBuilder.CreateTable(
                name: "idempotent_requests",
                columns: table => new
                {
                    caller = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    key = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    request_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    response_status = table.Column<int>(type: "integer", nullable: true),
                    response_content_type = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    response_location = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    response_body = table.Column<byte[]>(type: "bytea", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotent_requests", x => new { x.caller, x.key });
                });

            migrationBuilder.CreateTable(
                name: "listings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    openings = table.Column<int>(type: "integer", nullable: false),
                    filled_count = table.Column<int>(type: "integer", nullable: false),
                    application_deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    amount_cents = table.Column<long>(type: "bigint", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    estimated_hours = table.Column<int>(type: "integer", nullable: false),
                    fund_id = table.Column<Guid>(type: "uuid", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_listings", x => x.id);
                    table.CheckConstraint("ck_listings_filled_count", "filled_count >= 0");
                });

            migrationBuilder.CreateTable(
                name: "student_workloads",
                columns: table => new
                {
                    student_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    active_placements = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_student_workloads", x => x.student_id);
                    table.CheckConstraint("ck_student_workloads_active_placements", "active_placements >= 0");
                });

            migrationBuilder.CreateTable(
                name: "applications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    listing_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    student_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    student_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    course_id = table.Column<Guid>(type: "uuid", nullable: true),
                    pitch = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    amount_cents = table.Column<long>(type: "bigint", nullable: true),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    estimated_hours = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    offered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    offer_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_applications", x => x.id);
                    table.ForeignKey(
                        name: "fk_applications_listings_listing_id",
                        column: x => x.listing_id,
                        principalTable: "listings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "placements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    listing_id = table.Column<Guid>(type: "uuid", nullable: false),
                    listing_title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    student_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    student_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    course_id = table.Column<Guid>(type: "uuid", nullable: true),
                    fund_id = table.Column<Guid>(type: "uuid", nullable: true),
                    amount_cents = table.Column<long>(type: "bigint", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    estimated_hours = table.Column<int>(type: "integer", nullable: false),
                    logged_hours = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    payment_status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    funding_status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    payment_version = table.Column<long>(type: "bigint", nullable: false),
                    payment_failure_reason = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    revision_count = table.Column<int>(type: "integer", nullable: false),
                    deliverable_url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    submission_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    revision_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    auto_approved = table.Column<bool>(type: "boolean", nullable: false),
                    cancel_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    cancelled_by = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    payable_cents = table.Column<long>(type: "bigint", nullable: true),
                    verification_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    paid_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    partner_feedback = table.Column<string>(type: "jsonb", nullable: true),
                    student_feedback = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_placements", x => x.id);
                    table.ForeignKey(
                        name: "fk_placements_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_placements_listings_listing_id",
                        column: x => x.listing_id,
                        principalTable: "listings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "reflections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    placement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    author_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    author_role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    text = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reflections", x => x.id);
                    table.ForeignKey(
                        name: "fk_reflections_placements_placement_id",
                        column: x => x.placement_id,
                        principalTable: "placements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "time_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    placement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    hours = table.Column<decimal>(type: "numeric(4,2)", precision: 4, scale: 2, nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_time_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_time_entries_placements_placement_id",
                        column: x => x.placement_id,
                        principalTable: "placements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_applications_course_id_created_at_id",
                table: "applications",
                columns: new[] { "course_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_applications_listing_id_status",
                table: "applications",
                columns: new[] { "listing_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_applications_listing_id_student_id",
                table: "applications",
                columns: new[] { "listing_id", "student_id" },
                unique: true,
                filter: "status IN ('submitted', 'offered', 'accepted')");

            migrationBuilder.CreateIndex(
                name: "ix_applications_offer_expires_at",
                table: "applications",
                column: "offer_expires_at",
                filter: "status = 'offered'");

            migrationBuilder.CreateIndex(
                name: "ix_applications_organization_id_created_at_id",
                table: "applications",
                columns: new[] { "organization_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_applications_student_id_created_at_id",
                table: "applications",
                columns: new[] { "student_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_course_links_faculty_id_course_id",
                table: "course_links",
                columns: new[] { "faculty_id", "course_id" });

            migrationBuilder.CreateIndex(
                name: "ix_idempotent_requests_created_at",
                table: "idempotent_requests",
                column: "created_at")
                .Annotation("Npgsql:IndexMethod", "brin");

            migrationBuilder.CreateIndex(
                name: "ix_listings_closed_at",
                table: "listings",
                column: "closed_at",
                filter: "status IN ('closed', 'filled')");

            migrationBuilder.CreateIndex(
                name: "ix_placements_application_id",
                table: "placements",
                column: "application_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_placements_course_id_created_at_id",
                table: "placements",
                columns: new[] { "course_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_placements_listing_id",
                table: "placements",
                column: "listing_id");

            migrationBuilder.CreateIndex(
                name: "ix_placements_organization_id_created_at_id",
                table: "placements",
                columns: new[] { "organization_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_placements_student_id_created_at_id",
                table: "placements",
                columns: new[] { "student_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_placements_submitted_at",
                table: "placements",
                column: "submitted_at",
                filter: "status = 'submitted'");

            migrationBuilder.CreateIndex(
                name: "ix_placements_verification_code",
                table: "placements",
                column: "verification_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reflections_placement_id_created_at",
                table: "reflections",
                columns: new[] { "placement_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_time_entries_placement_id_date",
                table: "time_entries",
                columns: new[] { "placement_id", "date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "course_links");

            migrationBuilder.DropTable(
                name: "idempotent_requests");

            migrationBuilder.DropTable(
                name: "reflections");

            migrationBuilder.DropTable(
                name: "student_workloads");

            migrationBuilder.DropTable(
                name: "time_entries");

            migrationBuilder.DropTable(
                name: "placements");

            migrationBuilder.DropTable(
                name: "applications");

            migrationBuilder.DropTable(
                name: "listings");
        }
    }
}
