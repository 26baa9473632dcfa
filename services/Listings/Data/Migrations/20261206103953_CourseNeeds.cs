using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MicroInternships.Listings.Data.Migrations
{
    /// <inheritdoc />
    public partial class CourseNeeds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "decline_note",
                table: "course_requests",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "need_id",
                table: "course_requests",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "course_needs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    course_id = table.Column<Guid>(type: "uuid", nullable: false),
                    faculty_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    faculty_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    term_start = table.Column<DateOnly>(type: "date", nullable: false),
                    term_end = table.Column<DateOnly>(type: "date", nullable: false),
                    projects_wanted = table.Column<int>(type: "integer", nullable: false),
                    projects_accepted = table.Column<int>(type: "integer", nullable: false),
                    skills = table.Column<List<string>>(type: "text[]", nullable: false),
                    skill_keys = table.Column<string[]>(type: "text[]", nullable: false),
                    disciplines = table.Column<List<string>>(type: "text[]", nullable: false),
                    discipline_keys = table.Column<string[]>(type: "text[]", nullable: false),
                    learning_outcomes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    preferred_hours = table.Column<int>(type: "integer", nullable: true),
                    work_mode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_course_needs", x => x.id);
                    table.ForeignKey(
                        name: "fk_course_needs_courses_course_id",
                        column: x => x.course_id,
                        principalTable: "courses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_course_requests_need_id",
                table: "course_requests",
                column: "need_id");

            migrationBuilder.CreateIndex(
                name: "ix_course_requests_organization_id",
                table: "course_requests",
                column: "organization_id",
                filter: "status = 'pending'");

            migrationBuilder.CreateIndex(
                name: "ix_course_needs_course_id_created_at",
                table: "course_needs",
                columns: new[] { "course_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_course_needs_discipline_keys",
                table: "course_needs",
                column: "discipline_keys",
                filter: "status = 'open'")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ix_course_needs_skill_keys",
                table: "course_needs",
                column: "skill_keys",
                filter: "status = 'open'")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.AddForeignKey(
                name: "fk_course_requests_course_needs_need_id",
                table: "course_requests",
                column: "need_id",
                principalTable: "course_needs",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_course_requests_course_needs_need_id",
                table: "course_requests");

            migrationBuilder.DropTable(
                name: "course_needs");

            migrationBuilder.DropIndex(
                name: "ix_course_requests_need_id",
                table: "course_requests");

            migrationBuilder.DropIndex(
                name: "ix_course_requests_organization_id",
                table: "course_requests");

            migrationBuilder.DropColumn(
                name: "decline_note",
                table: "course_requests");

            migrationBuilder.DropColumn(
                name: "need_id",
                table: "course_requests");
        }
    }
}
