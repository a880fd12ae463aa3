using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quartier.Bookings.Data.Migrations
{
    /// <inheritdoc />
    public partial class OpeningHoursHorizon : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "HoursAnnouncedThrough",
                table: "Offices",
                type: "date",
                nullable: true);

            // Offices with hours or services were announced before the horizon was tracked: from
            // today on, the horizon job announces the year ahead again (the same hours, harmless).
            migrationBuilder.Sql("""
                UPDATE "Offices" AS o SET "HoursAnnouncedThrough" = current_date
                WHERE EXISTS (SELECT 1 FROM "Schedules" s WHERE s."OfficeId" = o."OfficeId")
                   OR EXISTS (SELECT 1 FROM "AppointmentServices" a WHERE a."OfficeId" = o."OfficeId");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HoursAnnouncedThrough",
                table: "Offices");
        }
    }
}
