using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quartier.Engagement.Data.Migrations
{
    /// <inheritdoc />
    public partial class VolunteerOwnLink : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ManagementTokenHash",
                table: "Volunteers",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MessageLanguage",
                table: "Volunteers",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "de");

            migrationBuilder.CreateIndex(
                name: "IX_Volunteers_ManagementTokenHash",
                table: "Volunteers",
                column: "ManagementTokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Volunteers_ManagementTokenHash",
                table: "Volunteers");

            migrationBuilder.DropColumn(
                name: "ManagementTokenHash",
                table: "Volunteers");

            migrationBuilder.DropColumn(
                name: "MessageLanguage",
                table: "Volunteers");
        }
    }
}
