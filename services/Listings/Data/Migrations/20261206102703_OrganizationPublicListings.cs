using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MicroInternships.Listings.Data.Migrations
{
    /// <inheritdoc />
    public partial class OrganizationPublicListings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "public_listings",
                table: "organizations",
                type: "boolean",
                nullable: false,
                defaultValue: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "public_listings",
                table: "organizations");
        }
    }
}
