using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quartier.Bookings.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReminderLead : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ReminderHoursBefore",
                table: "Offices",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReminderHoursBefore",
                table: "Offices");
        }
    }
}
