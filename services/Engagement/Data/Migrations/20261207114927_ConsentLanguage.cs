using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quartier.Engagement.Data.Migrations
{
    /// <inheritdoc />
    public partial class ConsentLanguage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ConsentLanguage",
                table: "Volunteers",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "de");

            migrationBuilder.AddColumn<string>(
                name: "ConsentLanguage",
                table: "Registrations",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "de");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ConsentLanguage",
                table: "Volunteers");

            migrationBuilder.DropColumn(
                name: "ConsentLanguage",
                table: "Registrations");
        }
    }
}
