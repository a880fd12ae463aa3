using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quartier.Reporting.Data.Migrations
{
    /// <inheritdoc />
    public partial class FieldTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FieldTallies",
                columns: table => new
                {
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    FieldOfAction = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    CallbacksRequested = table.Column<int>(type: "integer", nullable: false),
                    CallbacksReached = table.Column<int>(type: "integer", nullable: false),
                    VolunteerHours = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FieldTallies", x => new { x.OfficeId, x.Month, x.FieldOfAction });
                })
                .Annotation("Npgsql:StorageParameter:fillfactor", 70);

            migrationBuilder.CreateIndex(
                name: "IX_FieldTallies_Month",
                table: "FieldTallies",
                column: "Month");

            // What a callback and an hours entry add to their field's tally: a requested callback with a
            // window counts once (reached once reached); hours count on their date.
            migrationBuilder.Sql("""
                CREATE FUNCTION "CallbackFieldTallyRows"(c "Callbacks", sign integer)
                RETURNS TABLE ("OfficeId" uuid, "Month" date, "FieldOfAction" text, "CallbacksRequested" integer, "CallbacksReached" integer, "VolunteerHours" numeric)
                LANGUAGE sql IMMUTABLE AS $$
                    SELECT c."OfficeId", date_trunc('month', c."Date")::date, coalesce(c."FieldOfAction", ''),
                           sign, sign * (c."ReachedAt" IS NOT NULL)::integer, 0::numeric
                    WHERE c."Requested" AND c."Date" IS NOT NULL
                $$;

                CREATE FUNCTION "HoursFieldTallyRows"(h "VolunteerHours", sign integer)
                RETURNS TABLE ("OfficeId" uuid, "Month" date, "FieldOfAction" text, "CallbacksRequested" integer, "CallbacksReached" integer, "VolunteerHours" numeric)
                LANGUAGE sql IMMUTABLE AS $$
                    SELECT h."OfficeId", date_trunc('month', h."Date")::date, h."FieldOfAction", 0, 0, sign * h."Hours"
                    WHERE h."OfficeId" IS NOT NULL
                $$;
                """);

            // As for appointments: old contribution out, new one in, netted and applied in key order;
            // an emptied tally is removed.
            foreach (var (table, rows, trigger) in new[] { ("Callbacks", "CallbackFieldTallyRows", "TallyCallbackField"), ("VolunteerHours", "HoursFieldTallyRows", "TallyHoursField") })
            {
                migrationBuilder.Sql($$"""
                    CREATE FUNCTION "{{trigger}}"() RETURNS trigger
                    LANGUAGE plpgsql AS $$
                    BEGIN
                        INSERT INTO "FieldTallies" AS t ("OfficeId", "Month", "FieldOfAction", "CallbacksRequested", "CallbacksReached", "VolunteerHours")
                        SELECT c."OfficeId", c."Month", c."FieldOfAction", sum(c."CallbacksRequested"), sum(c."CallbacksReached"), sum(c."VolunteerHours")
                        FROM (SELECT * FROM "{{rows}}"(CASE WHEN TG_OP <> 'INSERT' THEN OLD END, -1)
                              UNION ALL
                              SELECT * FROM "{{rows}}"(CASE WHEN TG_OP <> 'DELETE' THEN NEW END, 1)) AS c
                        GROUP BY c."OfficeId", c."Month", c."FieldOfAction"
                        HAVING sum(c."CallbacksRequested") <> 0 OR sum(c."CallbacksReached") <> 0 OR sum(c."VolunteerHours") <> 0
                        ORDER BY c."OfficeId", c."Month", c."FieldOfAction"
                        ON CONFLICT ("OfficeId", "Month", "FieldOfAction") DO UPDATE SET
                            "CallbacksRequested" = t."CallbacksRequested" + excluded."CallbacksRequested",
                            "CallbacksReached" = t."CallbacksReached" + excluded."CallbacksReached",
                            "VolunteerHours" = t."VolunteerHours" + excluded."VolunteerHours";
                        IF TG_OP <> 'INSERT' THEN
                            DELETE FROM "FieldTallies"
                            WHERE "CallbacksRequested" = 0 AND "CallbacksReached" = 0 AND "VolunteerHours" = 0
                              AND ("OfficeId", "Month", "FieldOfAction") IN (SELECT r."OfficeId", r."Month", r."FieldOfAction" FROM "{{rows}}"(OLD, 1) AS r);
                        END IF;
                        RETURN NULL;
                    END
                    $$;

                    CREATE TRIGGER "{{trigger}}" AFTER INSERT OR UPDATE OR DELETE ON "{{table}}"
                    FOR EACH ROW EXECUTE FUNCTION "{{trigger}}"();
                    """);
            }

            migrationBuilder.Sql("""
                INSERT INTO "FieldTallies" ("OfficeId", "Month", "FieldOfAction", "CallbacksRequested", "CallbacksReached", "VolunteerHours")
                SELECT r."OfficeId", r."Month", r."FieldOfAction", sum(r."CallbacksRequested"), sum(r."CallbacksReached"), sum(r."VolunteerHours")
                FROM (SELECT t.* FROM "Callbacks" AS c, "CallbackFieldTallyRows"(c, 1) AS t
                      UNION ALL
                      SELECT t.* FROM "VolunteerHours" AS h, "HoursFieldTallyRows"(h, 1) AS t) AS r
                GROUP BY r."OfficeId", r."Month", r."FieldOfAction";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "TallyCallbackField" ON "Callbacks";
                DROP TRIGGER "TallyHoursField" ON "VolunteerHours";
                DROP FUNCTION "TallyCallbackField"();
                DROP FUNCTION "TallyHoursField"();
                DROP FUNCTION "CallbackFieldTallyRows"("Callbacks", integer);
                DROP FUNCTION "HoursFieldTallyRows"("VolunteerHours", integer);
                """);

            migrationBuilder.DropTable(
                name: "FieldTallies");
        }
    }
}
