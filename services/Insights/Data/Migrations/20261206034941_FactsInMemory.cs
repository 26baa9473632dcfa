using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MicroInternships.Insights.Data.Migrations
{
    /// <inheritdoc />
    public partial class FactsInMemory : Migration
    {
        private static readonly string[] FactTables =
            ["course_facts", "listing_facts", "application_facts", "placement_facts", "time_entry_facts", "rating_facts", "payout_facts"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_time_entry_facts_applied_at",
                table: "time_entry_facts");

            migrationBuilder.DropIndex(
                name: "ix_time_entry_facts_date",
                table: "time_entry_facts");

            migrationBuilder.DropIndex(
                name: "ix_rating_facts_applied_at",
                table: "rating_facts");

            migrationBuilder.DropIndex(
                name: "ix_rating_facts_revealed_at",
                table: "rating_facts");

            migrationBuilder.DropIndex(
                name: "ix_placement_facts_applied_at",
                table: "placement_facts");

            migrationBuilder.DropIndex(
                name: "ix_placement_facts_completed_at",
                table: "placement_facts");

            migrationBuilder.DropIndex(
                name: "ix_placement_facts_started_at",
                table: "placement_facts");

            migrationBuilder.DropIndex(
                name: "ix_payout_facts_applied_at",
                table: "payout_facts");

            migrationBuilder.DropIndex(
                name: "ix_payout_facts_placement_id",
                table: "payout_facts");

            migrationBuilder.DropIndex(
                name: "ix_listing_facts_applied_at",
                table: "listing_facts");

            migrationBuilder.DropIndex(
                name: "ix_listing_facts_course_ids",
                table: "listing_facts");

            migrationBuilder.DropIndex(
                name: "ix_listing_facts_published_at",
                table: "listing_facts");

            migrationBuilder.DropIndex(
                name: "ix_application_facts_applied_at",
                table: "application_facts");

            migrationBuilder.DropIndex(
                name: "ix_application_facts_submitted_at",
                table: "application_facts");

            migrationBuilder.AddColumn<long>(
                name: "change_xid",
                table: "time_entry_facts",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "change_xid",
                table: "rating_facts",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "change_xid",
                table: "placement_facts",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "change_xid",
                table: "payout_facts",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "change_xid",
                table: "listing_facts",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "change_xid",
                table: "course_facts",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "change_xid",
                table: "application_facts",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateIndex(
                name: "ix_time_entry_facts_change_xid",
                table: "time_entry_facts",
                column: "change_xid");

            migrationBuilder.CreateIndex(
                name: "ix_rating_facts_change_xid",
                table: "rating_facts",
                column: "change_xid");

            migrationBuilder.CreateIndex(
                name: "ix_placement_facts_change_xid",
                table: "placement_facts",
                column: "change_xid");

            migrationBuilder.CreateIndex(
                name: "ix_payout_facts_change_xid",
                table: "payout_facts",
                column: "change_xid");

            migrationBuilder.CreateIndex(
                name: "ix_listing_facts_change_xid",
                table: "listing_facts",
                column: "change_xid");

            migrationBuilder.CreateIndex(
                name: "ix_course_facts_change_xid",
                table: "course_facts",
                column: "change_xid");

            migrationBuilder.CreateIndex(
                name: "ix_application_facts_change_xid",
                table: "application_facts",
                column: "change_xid");

            // The transaction that last wrote each row, which FactsInMemory reads changes since (its own snapshot's xmin).
            migrationBuilder.Sql("""
                CREATE FUNCTION stamp_change_xid() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    NEW.change_xid := pg_current_xact_id()::text::bigint;
                    RETURN NEW;
                END $$;
                """);
            foreach (var table in FactTables)
            {
                migrationBuilder.Sql($"CREATE TRIGGER stamp_change_xid BEFORE INSERT OR UPDATE ON {table} FOR EACH ROW EXECUTE FUNCTION stamp_change_xid()");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in FactTables)
            {
                migrationBuilder.Sql($"DROP TRIGGER stamp_change_xid ON {table}");
            }

            migrationBuilder.Sql("DROP FUNCTION stamp_change_xid()");

            migrationBuilder.DropIndex(
                name: "ix_time_entry_facts_change_xid",
                table: "time_entry_facts");

            migrationBuilder.DropIndex(
                name: "ix_rating_facts_change_xid",
                table: "rating_facts");

            migrationBuilder.DropIndex(
                name: "ix_placement_facts_change_xid",
                table: "placement_facts");

            migrationBuilder.DropIndex(
                name: "ix_payout_facts_change_xid",
                table: "payout_facts");

            migrationBuilder.DropIndex(
                name: "ix_listing_facts_change_xid",
                table: "listing_facts");

            migrationBuilder.DropIndex(
                name: "ix_course_facts_change_xid",
                table: "course_facts");

            migrationBuilder.DropIndex(
                name: "ix_application_facts_change_xid",
                table: "application_facts");

            migrationBuilder.DropColumn(
                name: "change_xid",
                table: "time_entry_facts");

            migrationBuilder.DropColumn(
                name: "change_xid",
                table: "rating_facts");

            migrationBuilder.DropColumn(
                name: "change_xid",
                table: "placement_facts");

            migrationBuilder.DropColumn(
                name: "change_xid",
                table: "payout_facts");

            migrationBuilder.DropColumn(
                name: "change_xid",
                table: "listing_facts");

            migrationBuilder.DropColumn(
                name: "change_xid",
                table: "course_facts");

            migrationBuilder.DropColumn(
                name: "change_xid",
                table: "application_facts");

            migrationBuilder.CreateIndex(
                name: "ix_time_entry_facts_applied_at",
                table: "time_entry_facts",
                column: "applied_at");

            migrationBuilder.CreateIndex(
                name: "ix_time_entry_facts_date",
                table: "time_entry_facts",
                column: "date");

            migrationBuilder.CreateIndex(
                name: "ix_rating_facts_applied_at",
                table: "rating_facts",
                column: "applied_at");

            migrationBuilder.CreateIndex(
                name: "ix_rating_facts_revealed_at",
                table: "rating_facts",
                column: "revealed_at");

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
                name: "ix_payout_facts_applied_at",
                table: "payout_facts",
                column: "applied_at");

            migrationBuilder.CreateIndex(
                name: "ix_payout_facts_placement_id",
                table: "payout_facts",
                column: "placement_id");

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
                name: "ix_application_facts_applied_at",
                table: "application_facts",
                column: "applied_at");

            migrationBuilder.CreateIndex(
                name: "ix_application_facts_submitted_at",
                table: "application_facts",
                column: "submitted_at");
        }
    }
}
