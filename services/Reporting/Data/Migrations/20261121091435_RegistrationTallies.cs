using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quartier.Reporting.Data.Migrations
{
    /// <inheritdoc />
    public partial class RegistrationTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RegistrationTallies",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Registrations = table.Column<int>(type: "integer", nullable: false),
                    Waitlisted = table.Column<int>(type: "integer", nullable: false),
                    Promoted = table.Column<int>(type: "integer", nullable: false),
                    Cancelled = table.Column<int>(type: "integer", nullable: false),
                    PeopleConfirmed = table.Column<int>(type: "integer", nullable: false),
                    PeopleAttended = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistrationTallies", x => x.EventId);
                });

            // What one registration row adds to its event's tally (nothing before it knows its event).
            migrationBuilder.Sql("""
                CREATE FUNCTION "RegistrationTallyRows"(r "Registrations", sign integer)
                RETURNS TABLE ("EventId" uuid, "Registrations" integer, "Waitlisted" integer, "Promoted" integer, "Cancelled" integer, "PeopleConfirmed" integer, "PeopleAttended" integer)
                LANGUAGE sql IMMUTABLE AS $$
                    SELECT r."EventId",
                           sign * (r."ConfirmedDirectly" OR r."Waitlisted")::integer,
                           sign * r."Waitlisted"::integer,
                           sign * r."Promoted"::integer,
                           sign * r."Cancelled"::integer,
                           sign * CASE WHEN NOT r."Cancelled" AND (r."ConfirmedDirectly" OR r."Promoted") THEN r."People" ELSE 0 END,
                           sign * coalesce(r."PeopleAttended", 0)
                    WHERE r."EventId" IS NOT NULL
                $$;
                """);

            // As for appointments: the old contribution taken away, the new one added, netted per
            // event and applied in key order; an emptied tally is removed.
            migrationBuilder.Sql("""
                CREATE FUNCTION "TallyRegistration"() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "RegistrationTallies" AS t ("EventId", "Registrations", "Waitlisted", "Promoted", "Cancelled", "PeopleConfirmed", "PeopleAttended")
                    SELECT c."EventId", sum(c."Registrations"), sum(c."Waitlisted"), sum(c."Promoted"), sum(c."Cancelled"), sum(c."PeopleConfirmed"), sum(c."PeopleAttended")
                    FROM (SELECT * FROM "RegistrationTallyRows"(CASE WHEN TG_OP <> 'INSERT' THEN OLD END, -1)
                          UNION ALL
                          SELECT * FROM "RegistrationTallyRows"(CASE WHEN TG_OP <> 'DELETE' THEN NEW END, 1)) AS c
                    GROUP BY c."EventId"
                    HAVING sum(c."Registrations") <> 0 OR sum(c."Waitlisted") <> 0 OR sum(c."Promoted") <> 0 OR sum(c."Cancelled") <> 0
                        OR sum(c."PeopleConfirmed") <> 0 OR sum(c."PeopleAttended") <> 0
                    ORDER BY c."EventId"
                    ON CONFLICT ("EventId") DO UPDATE SET
                        "Registrations" = t."Registrations" + excluded."Registrations",
                        "Waitlisted" = t."Waitlisted" + excluded."Waitlisted",
                        "Promoted" = t."Promoted" + excluded."Promoted",
                        "Cancelled" = t."Cancelled" + excluded."Cancelled",
                        "PeopleConfirmed" = t."PeopleConfirmed" + excluded."PeopleConfirmed",
                        "PeopleAttended" = t."PeopleAttended" + excluded."PeopleAttended";
                    IF TG_OP <> 'INSERT' THEN
                        DELETE FROM "RegistrationTallies"
                        WHERE "EventId" = OLD."EventId" AND "Registrations" = 0 AND "Waitlisted" = 0 AND "Promoted" = 0
                          AND "Cancelled" = 0 AND "PeopleConfirmed" = 0 AND "PeopleAttended" = 0;
                    END IF;
                    RETURN NULL;
                END
                $$;

                CREATE TRIGGER "TallyRegistration" AFTER INSERT OR UPDATE OR DELETE ON "Registrations"
                FOR EACH ROW EXECUTE FUNCTION "TallyRegistration"();

                INSERT INTO "RegistrationTallies" ("EventId", "Registrations", "Waitlisted", "Promoted", "Cancelled", "PeopleConfirmed", "PeopleAttended")
                SELECT t."EventId", sum(t."Registrations"), sum(t."Waitlisted"), sum(t."Promoted"), sum(t."Cancelled"), sum(t."PeopleConfirmed"), sum(t."PeopleAttended")
                FROM "Registrations" AS r, "RegistrationTallyRows"(r, 1) AS t
                GROUP BY t."EventId";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "TallyRegistration" ON "Registrations";
                DROP FUNCTION "TallyRegistration"();
                DROP FUNCTION "RegistrationTallyRows"("Registrations", integer);
                """);

            migrationBuilder.DropTable(
                name: "RegistrationTallies");
        }
    }
}
