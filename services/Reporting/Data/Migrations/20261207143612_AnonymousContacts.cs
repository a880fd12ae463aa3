using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quartier.Reporting.Data.Migrations
{
    /// <inheritdoc />
    public partial class AnonymousContacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Contacts",
                columns: table => new
                {
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    FieldOfAction = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Date = table.Column<DateOnly>(type: "date", nullable: true),
                    Withdrawn = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contacts", x => x.ContactId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_Date",
                table: "Contacts",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_OfficeId_Date",
                table: "Contacts",
                columns: new[] { "OfficeId", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Contacts");
        }
    }
}
