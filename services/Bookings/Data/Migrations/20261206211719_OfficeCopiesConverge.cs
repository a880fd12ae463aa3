using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quartier.Bookings.Data.Migrations
{
    /// <inheritdoc />
    public partial class OfficeCopiesConverge : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClosedAt",
                table: "Offices",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DescribedAt",
                table: "Offices",
                type: "timestamp with time zone",
                nullable: true);

            // The copies so far hold their registration's data; a closed one has been closed since before now.
            migrationBuilder.Sql("""
                UPDATE "Offices" SET "DescribedAt" = "RegisteredAt";
                UPDATE "Offices" SET "ClosedAt" = now() WHERE NOT "AcceptsBookings";
                """);

            migrationBuilder.DropColumn(
                name: "AcceptsBookings",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "RegisteredAt",
                table: "Offices");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "DescribedAt",
                table: "Offices");

            migrationBuilder.AddColumn<bool>(
                name: "AcceptsBookings",
                table: "Offices",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RegisteredAt",
                table: "Offices",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));
        }
    }
}
