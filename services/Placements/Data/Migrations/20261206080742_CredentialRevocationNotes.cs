using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MicroInternships.Placements.Data.Migrations
{
    /// <inheritdoc />
    public partial class CredentialRevocationNotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "revocation_note",
                table: "credentials",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            // A reason written as free text before reasons were codes becomes the note of an 'other'.
            migrationBuilder.Sql(
                "UPDATE credentials SET revocation_note = left(revocation_reason, 500), revocation_reason = 'other' " +
                "WHERE revocation_reason IS NOT NULL AND revocation_reason <> 'superseded';");

            migrationBuilder.AlterColumn<string>(
                name: "revocation_reason",
                table: "credentials",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldNullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "revocation_note",
                table: "credentials");

            migrationBuilder.AlterColumn<string>(
                name: "revocation_reason",
                table: "credentials",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(20)",
                oldMaxLength: 20,
                oldNullable: true);
        }
    }
}
