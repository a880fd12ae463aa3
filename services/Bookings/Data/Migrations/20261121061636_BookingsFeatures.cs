using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quartier.Bookings.Data.Migrations
{
    /// <inheritdoc />
    public partial class BookingsFeatures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AppointmentServices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Names = table.Column<string>(type: "jsonb", nullable: false),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: false),
                    Channels = table.Column<string>(type: "jsonb", nullable: false),
                    FieldOfAction = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    BufferAfterMinutes = table.Column<int>(type: "integer", nullable: false),
                    MinimumNoticeMinutes = table.Column<int>(type: "integer", nullable: false),
                    BookingHorizonDays = table.Column<int>(type: "integer", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppointmentServices", x => x.Id);
                    table.CheckConstraint("CK_AppointmentServices_Capacity", "\"Capacity\" >= 1");
                    table.CheckConstraint("CK_AppointmentServices_Duration", "\"DurationMinutes\" > 0");
                    table.ForeignKey(
                        name: "FK_AppointmentServices_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "OfficeId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallbackRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    WindowStartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    WindowEndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Seat = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Language = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    FieldOfAction = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ManagementTokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Attempts = table.Column<string>(type: "jsonb", nullable: false),
                    OverdueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResidentPhone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ResidentTopic = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ConsentTextVersion = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ConsentGivenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PersonalDataPurgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallbackRequests", x => x.Id);
                    table.CheckConstraint("CK_CallbackRequests_Seat", "\"Seat\" >= 1");
                    table.CheckConstraint("CK_CallbackRequests_Window", "\"WindowStartsAt\" < \"WindowEndsAt\"");
                    table.ForeignKey(
                        name: "FK_CallbackRequests_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "OfficeId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallbackSettings",
                columns: table => new
                {
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    WindowMinutes = table.Column<int>(type: "integer", nullable: false),
                    CapacityPerWindow = table.Column<int>(type: "integer", nullable: false),
                    MinimumNoticeMinutes = table.Column<int>(type: "integer", nullable: false),
                    HorizonDays = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallbackSettings", x => x.OfficeId);
                    table.ForeignKey(
                        name: "FK_CallbackSettings_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "OfficeId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Schedules",
                columns: table => new
                {
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Plans = table.Column<string>(type: "jsonb", nullable: false),
                    Exceptions = table.Column<string>(type: "jsonb", nullable: false),
                    Closures = table.Column<string>(type: "jsonb", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Schedules", x => x.OfficeId);
                    table.ForeignKey(
                        name: "FK_Schedules_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "OfficeId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Appointments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Seat = table.Column<int>(type: "integer", nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    BlockedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FieldOfAction = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Language = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    InterpreterNeeded = table.Column<bool>(type: "boolean", nullable: false),
                    BookedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ManagementTokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CancelledBy = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    CancelledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OutcomeFieldOfAction = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ReferredToOtherOrganisation = table.Column<bool>(type: "boolean", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResidentName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ResidentPhone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ResidentEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    ResidentTopic = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ConsentTextVersion = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ConsentGivenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PersonalDataPurgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Appointments", x => x.Id);
                    table.CheckConstraint("CK_Appointments_Seat", "\"Seat\" >= 1");
                    table.CheckConstraint("CK_Appointments_Times", "\"StartsAt\" < \"EndsAt\" AND \"EndsAt\" <= \"BlockedUntil\"");
                    table.ForeignKey(
                        name: "FK_Appointments_AppointmentServices_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "AppointmentServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_ManagementTokenHash",
                table: "Appointments",
                column: "ManagementTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_OfficeId_StartsAt",
                table: "Appointments",
                columns: new[] { "OfficeId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_ServiceId_StartsAt",
                table: "Appointments",
                columns: new[] { "ServiceId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AppointmentServices_OfficeId",
                table: "AppointmentServices",
                column: "OfficeId");

            migrationBuilder.CreateIndex(
                name: "IX_CallbackRequests_ManagementTokenHash",
                table: "CallbackRequests",
                column: "ManagementTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CallbackRequests_OfficeId_WindowStartsAt",
                table: "CallbackRequests",
                columns: new[] { "OfficeId", "WindowStartsAt" });

            migrationBuilder.CreateIndex(
                name: "UX_CallbackRequests_WindowSeat",
                table: "CallbackRequests",
                columns: new[] { "OfficeId", "WindowStartsAt", "Seat" },
                unique: true,
                filter: "\"Status\" <> 'Cancelled'");

            // Never a double booking: an appointment holds a counsellor seat of its service from its start
            // until its end plus buffer, and no two live appointments may hold one seat at overlapping
            // times. The database enforces it, whichever instance of the service inserts.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS btree_gist;");
            migrationBuilder.Sql("""
                ALTER TABLE "Appointments" ADD CONSTRAINT "EX_Appointments_Seat"
                EXCLUDE USING gist ("ServiceId" WITH =, "Seat" WITH =, tstzrange("StartsAt", "BlockedUntil") WITH &&)
                WHERE ("Status" <> 'Cancelled');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE "Appointments" DROP CONSTRAINT IF EXISTS "EX_Appointments_Seat";""");
            migrationBuilder.DropTable(
                name: "Appointments");

            migrationBuilder.DropTable(
                name: "CallbackRequests");

            migrationBuilder.DropTable(
                name: "CallbackSettings");

            migrationBuilder.DropTable(
                name: "Schedules");

            migrationBuilder.DropTable(
                name: "AppointmentServices");
        }
    }
}
