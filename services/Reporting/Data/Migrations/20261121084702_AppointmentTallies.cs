using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quartier.Reporting.Data.Migrations
{
    /// <inheritdoc />
    public partial class AppointmentTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AppointmentTallies",
                columns: table => new
                {
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Dimension = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Value = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Booked = table.Column<int>(type: "integer", nullable: false),
                    Cancelled = table.Column<int>(type: "integer", nullable: false),
                    Attended = table.Column<int>(type: "integer", nullable: false),
                    NoShow = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppointmentTallies", x => new { x.OfficeId, x.Month, x.Dimension, x.Value });
                });

            migrationBuilder.CreateIndex(
                name: "IX_AppointmentTallies_Month",
                table: "AppointmentTallies",
                column: "Month");

            // What one appointment row adds to the tallies: one row per dimension once it is booked
            // and has a date, nothing before. Dimension names and values as AppointmentTally has them.
            migrationBuilder.Sql("""
                CREATE FUNCTION "AppointmentTallyRows"(a "Appointments", sign integer)
                RETURNS TABLE ("OfficeId" uuid, "Month" date, "Dimension" text, "Value" text, "Booked" integer, "Cancelled" integer, "Attended" integer, "NoShow" integer)
                LANGUAGE sql IMMUTABLE AS $$
                    SELECT a."OfficeId", date_trunc('month', a."Date")::date, d.dimension, d.value,
                           sign,
                           sign * (a."CancelledAt" IS NOT NULL)::integer,
                           sign * coalesce(a."Outcome" = 'Attended', false)::integer,
                           sign * coalesce(a."Outcome" = 'NoShow', false)::integer
                    FROM (VALUES ('channel', coalesce(a."Channel", '')),
                                 ('fieldOfAction', coalesce(a."FieldOfAction", '')),
                                 ('interpreterNeeded', CASE a."InterpreterNeeded" WHEN true THEN 'yes' WHEN false THEN 'no' ELSE '' END),
                                 ('language', coalesce(a."Language", ''))) AS d(dimension, value)
                    WHERE a."Booked" AND a."Date" IS NOT NULL
                $$;
                """);

            // Every change of an appointment row moves its contribution: the old row's taken away, the
            // new row's added, netted per tally and applied in key order (so concurrent writers lock
            // tallies in the same order); a change that moves nothing touches no tally. Cancelled,
            // attended and no-show count booked appointments, so a tally with none booked is empty.
            migrationBuilder.Sql("""
                CREATE FUNCTION "TallyAppointment"() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "AppointmentTallies" AS t ("OfficeId", "Month", "Dimension", "Value", "Booked", "Cancelled", "Attended", "NoShow")
                    SELECT c."OfficeId", c."Month", c."Dimension", c."Value", sum(c."Booked"), sum(c."Cancelled"), sum(c."Attended"), sum(c."NoShow")
                    FROM (SELECT * FROM "AppointmentTallyRows"(CASE WHEN TG_OP <> 'INSERT' THEN OLD END, -1)
                          UNION ALL
                          SELECT * FROM "AppointmentTallyRows"(CASE WHEN TG_OP <> 'DELETE' THEN NEW END, 1)) AS c
                    GROUP BY c."OfficeId", c."Month", c."Dimension", c."Value"
                    HAVING sum(c."Booked") <> 0 OR sum(c."Cancelled") <> 0 OR sum(c."Attended") <> 0 OR sum(c."NoShow") <> 0
                    ORDER BY c."OfficeId", c."Month", c."Dimension", c."Value"
                    ON CONFLICT ("OfficeId", "Month", "Dimension", "Value") DO UPDATE SET
                        "Booked" = t."Booked" + excluded."Booked",
                        "Cancelled" = t."Cancelled" + excluded."Cancelled",
                        "Attended" = t."Attended" + excluded."Attended",
                        "NoShow" = t."NoShow" + excluded."NoShow";
                    -- A tally left without appointments (all moved or never booked there) goes, so the
                    -- tallies are the same whichever way the appointments got to where they are.
                    IF TG_OP <> 'INSERT' AND OLD."Date" IS NOT NULL THEN
                        DELETE FROM "AppointmentTallies"
                        WHERE "OfficeId" = OLD."OfficeId" AND "Month" = date_trunc('month', OLD."Date")::date AND "Booked" = 0;
                    END IF;
                    RETURN NULL;
                END
                $$;

                CREATE TRIGGER "TallyAppointment" AFTER INSERT OR UPDATE OR DELETE ON "Appointments"
                FOR EACH ROW EXECUTE FUNCTION "TallyAppointment"();

                INSERT INTO "AppointmentTallies" ("OfficeId", "Month", "Dimension", "Value", "Booked", "Cancelled", "Attended", "NoShow")
                SELECT r."OfficeId", r."Month", r."Dimension", r."Value", sum(r."Booked"), sum(r."Cancelled"), sum(r."Attended"), sum(r."NoShow")
                FROM "Appointments" AS a, "AppointmentTallyRows"(a, 1) AS r
                GROUP BY r."OfficeId", r."Month", r."Dimension", r."Value";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "TallyAppointment" ON "Appointments";
                DROP FUNCTION "TallyAppointment"();
                DROP FUNCTION "AppointmentTallyRows"("Appointments", integer);
                """);

            migrationBuilder.DropTable(
                name: "AppointmentTallies");
        }
    }
}
