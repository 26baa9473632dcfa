using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MicroInternships.Insights.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "application_facts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    listing_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    course_id = table.Column<Guid>(type: "uuid", nullable: true),
                    student_id = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    offered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    applied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_application_facts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "course_facts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    faculty_id = table.Column<string>(type: "text", nullable: false),
                    code = table.Column<string>(type: "text", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    term = table.Column<string>(type: "text", nullable: false),
                    department = table.Column<string>(type: "text", nullable: false),
                    applied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_course_facts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "fund_facts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    currency = table.Column<string>(type: "text", nullable: false),
                    budget_cents = table.Column<long>(type: "bigint", nullable: false),
                    reserved_cents = table.Column<long>(type: "bigint", nullable: false),
                    spent_cents = table.Column<long>(type: "bigint", nullable: false),
                    available_cents = table.Column<long>(type: "bigint", nullable: false),
                    applied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fund_facts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "institute_event_facts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    applied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_institute_event_facts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "listing_facts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    discipline = table.Column<string>(type: "text", nullable: false),
                    estimated_hours = table.Column<int>(type: "integer", nullable: false),
                    fund_id = table.Column<Guid>(type: "uuid", nullable: true),
                    course_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    applied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_listing_facts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "organization_facts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    applied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organization_facts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payout_facts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    placement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fund_id = table.Column<Guid>(type: "uuid", nullable: true),
                    student_id = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    amount_cents = table.Column<long>(type: "bigint", nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    paid_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    applied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payout_facts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "placement_facts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    listing_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    course_id = table.Column<Guid>(type: "uuid", nullable: true),
                    fund_id = table.Column<Guid>(type: "uuid", nullable: true),
                    student_id = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    amount_cents = table.Column<long>(type: "bigint", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    auto_approved = table.Column<bool>(type: "boolean", nullable: false),
                    revision_rounds = table.Column<int>(type: "integer", nullable: false),
                    hours_version = table.Column<long>(type: "bigint", nullable: false),
                    logged_hours = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    estimated_hours = table.Column<int>(type: "integer", nullable: false),
                    applied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_placement_facts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "rating_facts",
                columns: table => new
                {
                    placement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    partner_rating = table.Column<int>(type: "integer", nullable: true),
                    student_rating = table.Column<int>(type: "integer", nullable: true),
                    revealed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    applied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rating_facts", x => x.placement_id);
                });

            migrationBuilder.CreateTable(
                name: "registration_facts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    attendee_id = table.Column<string>(type: "text", nullable: false),
                    audience = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    tier = table.Column<string>(type: "text", nullable: false),
                    promoted = table.Column<bool>(type: "boolean", nullable: false),
                    applied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registration_facts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "slot_facts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    booked = table.Column<bool>(type: "boolean", nullable: false),
                    withdrawn = table.Column<bool>(type: "boolean", nullable: false),
                    applied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_slot_facts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "time_entry_facts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    placement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    hours = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    applied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_time_entry_facts", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_application_facts_applied_at",
                table: "application_facts",
                column: "applied_at");

            migrationBuilder.CreateIndex(
                name: "ix_application_facts_submitted_at",
                table: "application_facts",
                column: "submitted_at");

            migrationBuilder.CreateIndex(
                name: "ix_course_facts_applied_at",
                table: "course_facts",
                column: "applied_at");

            migrationBuilder.CreateIndex(
                name: "ix_course_facts_faculty_id",
                table: "course_facts",
                column: "faculty_id");

            migrationBuilder.CreateIndex(
                name: "ix_fund_facts_applied_at",
                table: "fund_facts",
                column: "applied_at");

            migrationBuilder.CreateIndex(
                name: "ix_institute_event_facts_applied_at",
                table: "institute_event_facts",
                column: "applied_at");

            migrationBuilder.CreateIndex(
                name: "ix_listing_facts_applied_at",
                table: "listing_facts",
                column: "applied_at");

            migrationBuilder.CreateIndex(
                name: "ix_listing_facts_course_ids",
                table: "listing_facts",
                column: "course_ids")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ix_listing_facts_published_at",
                table: "listing_facts",
                column: "published_at");

            migrationBuilder.CreateIndex(
                name: "ix_organization_facts_applied_at",
                table: "organization_facts",
                column: "applied_at");

            migrationBuilder.CreateIndex(
                name: "ix_payout_facts_applied_at",
                table: "payout_facts",
                column: "applied_at");

            migrationBuilder.CreateIndex(
                name: "ix_payout_facts_placement_id",
                table: "payout_facts",
                column: "placement_id");

            migrationBuilder.CreateIndex(
                name: "ix_placement_facts_applied_at",
                table: "placement_facts",
                column: "applied_at");

            migrationBuilder.CreateIndex(
                name: "ix_placement_facts_completed_at",
                table: "placement_facts",
                column: "completed_at");

            migrationBuilder.CreateIndex(
                name: "ix_placement_facts_started_at",
                table: "placement_facts",
                column: "started_at");

            migrationBuilder.CreateIndex(
                name: "ix_placement_facts_student_id",
                table: "placement_facts",
                column: "student_id");

            migrationBuilder.CreateIndex(
                name: "ix_rating_facts_applied_at",
                table: "rating_facts",
                column: "applied_at");

            migrationBuilder.CreateIndex(
                name: "ix_rating_facts_revealed_at",
                table: "rating_facts",
                column: "revealed_at");

            migrationBuilder.CreateIndex(
                name: "ix_registration_facts_applied_at",
                table: "registration_facts",
                column: "applied_at");

            migrationBuilder.CreateIndex(
                name: "ix_registration_facts_event_id",
                table: "registration_facts",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ix_slot_facts_applied_at",
                table: "slot_facts",
                column: "applied_at");

            migrationBuilder.CreateIndex(
                name: "ix_slot_facts_event_id",
                table: "slot_facts",
                column: "event_id");

            migrationBuilder.CreateIndex(
                name: "ix_time_entry_facts_applied_at",
                table: "time_entry_facts",
                column: "applied_at");

            migrationBuilder.CreateIndex(
                name: "ix_time_entry_facts_date",
                table: "time_entry_facts",
                column: "date");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "application_facts");

            migrationBuilder.DropTable(
                name: "course_facts");

            migrationBuilder.DropTable(
                name: "fund_facts");

            migrationBuilder.DropTable(
                name: "institute_event_facts");

            migrationBuilder.DropTable(
                name: "listing_facts");

            migrationBuilder.DropTable(
                name: "organization_facts");

            migrationBuilder.DropTable(
                name: "payout_facts");

            migrationBuilder.DropTable(
                name: "placement_facts");

            migrationBuilder.DropTable(
                name: "rating_facts");

            migrationBuilder.DropTable(
                name: "registration_facts");

            migrationBuilder.DropTable(
                name: "slot_facts");

            migrationBuilder.DropTable(
                name: "time_entry_facts");
        }
    }
}
