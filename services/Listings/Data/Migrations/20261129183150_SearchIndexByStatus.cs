using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MicroInternships.Listings.Data.Migrations
{
    /// <inheritdoc />
    public partial class SearchIndexByStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_listings_search_vector_status_work_mode_discipline_key",
                table: "listings");

            migrationBuilder.CreateIndex(
                name: "ix_listings_search_vector_status_work_mode_discipline_key",
                table: "listings",
                columns: new[] { "search_vector", "status", "work_mode", "discipline_key" },
                filter: "status <> 'open'")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ix_listings_search_vector_work_mode_discipline_key",
                table: "listings",
                columns: new[] { "search_vector", "work_mode", "discipline_key" },
                filter: "status = 'open'")
                .Annotation("Npgsql:IndexMethod", "GIN");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_listings_search_vector_status_work_mode_discipline_key",
                table: "listings");

            migrationBuilder.DropIndex(
                name: "ix_listings_search_vector_work_mode_discipline_key",
                table: "listings");

            migrationBuilder.CreateIndex(
                name: "ix_listings_search_vector_status_work_mode_discipline_key",
                table: "listings",
                columns: new[] { "search_vector", "status", "work_mode", "discipline_key" })
                .Annotation("Npgsql:IndexMethod", "GIN");
        }
    }
}
