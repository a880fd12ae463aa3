using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quartier.Engagement.Data.Migrations
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

            // The copies so far hold data of unknown age (any later update is newer); a closed one has been closed since before now.
            migrationBuilder.Sql("""
                UPDATE "Offices" SET "DescribedAt" = '2000-01-01T00:00:00Z';
                UPDATE "Offices" SET "ClosedAt" = now() WHERE NOT "IsOpen";
                """);

            migrationBuilder.DropColumn(
                name: "IsOpen",
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
                name: "IsOpen",
                table: "Offices",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }
    }
}
