using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quartier.Engagement.Data.Migrations
{
    /// <inheritdoc />
    public partial class ManagementTokenHashesLowerCase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The one shared management token writes its hash in lower-case hex, as Bookings always did.
            migrationBuilder.Sql("""UPDATE "Registrations" SET "ManagementTokenHash" = lower("ManagementTokenHash") WHERE "ManagementTokenHash" IS NOT NULL;""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""UPDATE "Registrations" SET "ManagementTokenHash" = upper("ManagementTokenHash") WHERE "ManagementTokenHash" IS NOT NULL;""");
        }
    }
}
