using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quartier.Engagement.Data.Migrations
{
    /// <inheritdoc />
    public partial class EventPlanVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PlanVersion",
                table: "Events",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PlanVersion",
                table: "Events");
        }
    }
}
