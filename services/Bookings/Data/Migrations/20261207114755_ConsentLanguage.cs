using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quartier.Bookings.Data.Migrations
{
    /// <inheritdoc />
    public partial class ConsentLanguage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ConsentLanguage",
                table: "CallbackRequests",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConsentLanguage",
                table: "Appointments",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            // Consents given before the language was recorded were given on German pages.
            migrationBuilder.Sql("""UPDATE "Appointments" SET "ConsentLanguage" = 'de' WHERE "ConsentTextVersion" IS NOT NULL""");
            migrationBuilder.Sql("""UPDATE "CallbackRequests" SET "ConsentLanguage" = 'de' WHERE "ConsentTextVersion" IS NOT NULL""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ConsentLanguage",
                table: "CallbackRequests");

            migrationBuilder.DropColumn(
                name: "ConsentLanguage",
                table: "Appointments");
        }
    }
}
