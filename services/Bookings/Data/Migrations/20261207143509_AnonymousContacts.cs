using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quartier.Bookings.Data.Migrations
{
    /// <inheritdoc />
    public partial class AnonymousContacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AnonymousContacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FieldOfAction = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    CountedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnonymousContacts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AnonymousContacts_OfficeId_Date",
                table: "AnonymousContacts",
                columns: new[] { "OfficeId", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnonymousContacts");
        }
    }
}
