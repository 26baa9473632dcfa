using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MicroInternships.Events.Data.Migrations
{
    /// <inheritdoc />
    public partial class InstituteProgram : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "capacity",
                table: "sessions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "presenters",
                table: "sessions",
                type: "jsonb",
                nullable: true);

            // Sessions from before presenters read as having none, not as unknown.
            migrationBuilder.Sql("UPDATE sessions SET presenters = '[]'::jsonb WHERE presenters IS NULL;");

            migrationBuilder.AddColumn<Guid>(
                name: "proposal_id",
                table: "sessions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "signed_up_count",
                table: "sessions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "proposals_close_at",
                table: "events",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "session_signups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    registration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    attendee_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    withdrawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_session_signups", x => x.id);
                    table.ForeignKey(
                        name: "fk_session_signups_registrations_registration_id",
                        column: x => x.registration_id,
                        principalTable: "registrations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_session_signups_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "talk_proposals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    proposer_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    proposer_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    proposer_role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    title = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false),
                    @abstract = table.Column<string>(name: "abstract", type: "character varying(3000)", maxLength: 3000, nullable: false),
                    type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    course_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    decision_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    decided_by = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    session_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_talk_proposals", x => x.id);
                    table.ForeignKey(
                        name: "fk_talk_proposals_events_event_id",
                        column: x => x.event_id,
                        principalTable: "events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_sessions_places",
                table: "sessions",
                sql: "signed_up_count >= 0 AND (capacity IS NULL OR signed_up_count <= capacity)");

            migrationBuilder.CreateIndex(
                name: "ix_session_signups_one_place",
                table: "session_signups",
                columns: new[] { "session_id", "attendee_id" },
                unique: true,
                filter: "status = 'signed_up'");

            migrationBuilder.CreateIndex(
                name: "ix_session_signups_registration_id_status",
                table: "session_signups",
                columns: new[] { "registration_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_talk_proposals_event_id_created_at",
                table: "talk_proposals",
                columns: new[] { "event_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_talk_proposals_event_id_proposer_id",
                table: "talk_proposals",
                columns: new[] { "event_id", "proposer_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "session_signups");

            migrationBuilder.DropTable(
                name: "talk_proposals");

            migrationBuilder.DropCheckConstraint(
                name: "ck_sessions_places",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "capacity",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "presenters",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "proposal_id",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "signed_up_count",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "proposals_close_at",
                table: "events");
        }
    }
}
