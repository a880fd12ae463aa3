using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Quartier.Engagement.Data;
using Quartier.Engagement.Events;
using Quartier.Contracts.Engagement;
using Quartier.Engagement.Registrations;
using Quartier.Engagement.Shifts;
using Quartier.Engagement.Volunteers;
using Quartier.ServiceDefaults.Messaging.Outbox;
using Quartier.ServiceDefaults.Mail;
using Quartier.ServiceDefaults.Privacy;

namespace Quartier.Engagement.Privacy;

/// <summary>
/// The resident's rights by a registration's or a volunteer's own link (GDPR Art. 7(3), 15, 17, 20):
/// everything stored about it as JSON, and erasure at once — name and contact go, the messages about
/// it still kept are forgotten. A registration stays anonymous (its seats and the event's counts do
/// not change); a volunteer's erasure withdraws the consent, so the volunteering and the volunteer's
/// tandems end, while languages, skills and hours stay anonymous. An erased or expired link answers
/// 404 like an unknown one; erasing again answers the same.
/// </summary>
public static class PersonalDataEndpoints
{
    private static readonly string[] RegistrationRemains = ["event", "people", "status", "attendance"];
    private static readonly string[] VolunteerRemains = ["languages", "skills", "availability", "ageGroup", "hours", "shifts", "tandems"];

    public static IEndpointRouteBuilder MapResidentsOwnData(this IEndpointRouteBuilder app)
    {
        app.MapPersonalData(RegistrationEndpoints.ManagePath, "registration", Export, Erase, "the registration stays, anonymous");
        app.MapPersonalData(VolunteerEndpoints.ManagePath, "volunteer sign-up", ExportVolunteer, EraseVolunteer,
            "the consent is withdrawn, the volunteering and its tandems end, and languages, skills and hours stay, anonymous");
        return app;
    }

    private static async Task<Results<Ok<RegistrationData>, NotFound>> Export(string token, EngagementDbContext db, CancellationToken cancellationToken)
    {
        var hash = ManagementToken.Hash(token);
        var registration = await db.Registrations.AsNoTracking().SingleOrDefaultAsync(r => r.ManagementTokenHash == hash && r.PersonalDataErasedAt == null, cancellationToken);
        if (registration is null)
        {
            return TypedResults.NotFound();
        }

        var communityEvent = await db.Events.AsNoTracking().SingleAsync(e => e.Id == registration.EventId, cancellationToken);
        return TypedResults.Ok(new RegistrationData(
            registration.Id, registration.EventId, communityEvent.Texts.Select(text => text.Title).FirstOrDefault() ?? string.Empty, communityEvent.StartsAt,
            registration.People, registration.Status, registration.Name, registration.Email, registration.Phone, registration.MessageLanguage,
            registration.ConsentTextVersion, registration.ConsentLanguage, registration.ConsentGivenAt, registration.RegisteredAt, registration.ConfirmedAt, registration.CancelledAt,
            registration.PeopleAttended, await ResidentMail.KeptAboutAsync(db, registration.Id, cancellationToken)));
    }

    private static async Task<Results<Ok<VolunteerData>, NotFound>> ExportVolunteer(string token, EngagementDbContext db, CancellationToken cancellationToken)
    {
        var hash = ManagementToken.Hash(token);
        var volunteer = await db.Volunteers.AsNoTracking().SingleOrDefaultAsync(v => v.ManagementTokenHash == hash && v.PersonalDataErasedAt == null, cancellationToken);
        if (volunteer is null)
        {
            return TypedResults.NotFound();
        }

        var office = await db.Offices.AsNoTracking().SingleAsync(o => o.OfficeId == volunteer.OfficeId, cancellationToken);
        var hours = await db.HoursEntries.AsNoTracking().Where(h => h.VolunteerId == volunteer.Id).OrderBy(h => h.Date)
            .Select(h => new VolunteerHoursData(h.Date, h.FieldOfAction, h.Hours, h.LoggedAt)).ToListAsync(cancellationToken);
        var shifts = await db.ShiftAssignments.AsNoTracking().Where(s => s.VolunteerId == volunteer.Id).OrderBy(s => s.StartsAt)
            .Select(s => new VolunteerShiftData(s.ShiftId, s.StartsAt, s.EndsAt, s.SignedUpAt, s.Attended)).ToListAsync(cancellationToken);
        var tandems = await db.Tandems.AsNoTracking().Where(t => t.VolunteerId == volunteer.Id).OrderBy(t => t.FormedAt)
            .Select(t => new VolunteerTandemData(t.Id, t.Purpose, t.StartsOn, t.EndsOn, t.EndedAt)).ToListAsync(cancellationToken);
        return TypedResults.Ok(new VolunteerData(
            volunteer.Id, volunteer.OfficeId, office.Name, volunteer.Status, volunteer.Name, volunteer.Email, volunteer.Phone,
            volunteer.Languages, volunteer.Skills, [.. volunteer.Availability.Select(slot => new AvailabilityRequest(slot.Weekday, slot.From, slot.To))],
            volunteer.AgeGroup, volunteer.GuardianName, volunteer.GuardianConsentTextVersion, volunteer.GuardianConsentGivenAt,
            volunteer.ConsentTextVersion, volunteer.ConsentLanguage, volunteer.ConsentGivenAt, volunteer.MessageLanguage, volunteer.SignedUpAt, volunteer.ApprovedAt, volunteer.EndedAt,
            hours, shifts, tandems, await ResidentMail.KeptAboutAsync(db, volunteer.Id, cancellationToken)));
    }

    private static async Task<Results<Ok<PersonalDataErased>, NotFound>> EraseVolunteer(string token, EngagementDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var hash = ManagementToken.Hash(token);
        var volunteer = await db.Volunteers.SingleOrDefaultAsync(v => v.ManagementTokenHash == hash, cancellationToken);
        if (volunteer is null)
        {
            return TypedResults.NotFound();
        }

        if (volunteer.PersonalDataErasedAt is null)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = time.GetUtcNow();
            if (volunteer.ErasePersonalData(now))
            {
                db.AddIntegrationEvent(new VolunteerEnded(volunteer.Id, volunteer.OfficeId, now), time);
            }

            var office = await db.Offices.AsNoTracking().SingleAsync(o => o.OfficeId == volunteer.OfficeId, cancellationToken);
            foreach (var tandem in await db.Tandems.Where(t => t.VolunteerId == volunteer.Id && t.EndedAt == null).ToListAsync(cancellationToken))
            {
                tandem.End(now, office.Today(now));
                db.AddIntegrationEvent(new TandemEnded(tandem.Id, tandem.OfficeId, now), time);
            }

            await db.FreeUpcomingPlacesAsync(volunteer.Id, time, cancellationToken);
            await ResidentMail.ForgetAsync(db, volunteer.Id, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return TypedResults.Ok(new PersonalDataErased(VolunteerRemains));
    }

    private static async Task<Results<Ok<PersonalDataErased>, NotFound>> Erase(string token, EngagementDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var hash = ManagementToken.Hash(token);
        var registration = await db.Registrations.SingleOrDefaultAsync(r => r.ManagementTokenHash == hash, cancellationToken);
        if (registration is null)
        {
            return TypedResults.NotFound();
        }

        if (registration.PersonalDataErasedAt is null)
        {
            registration.ErasePersonalData(time.GetUtcNow());
            await ResidentMail.ForgetAsync(db, registration.Id, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(new PersonalDataErased(RegistrationRemains));
    }
}

/// <summary>A volunteer as stored, with the hours, shifts and tandems recorded and the messages still kept; a tandem partner's name is the partner's, not shown.</summary>
public sealed record VolunteerData(
    Guid VolunteerId,
    Guid OfficeId,
    string Office,
    VolunteerStatus Status,
    string? Name,
    string? Email,
    string? Phone,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Skills,
    IReadOnlyList<AvailabilityRequest> Availability,
    AgeGroup AgeGroup,
    string? GuardianName,
    string? GuardianConsentTextVersion,
    DateTimeOffset? GuardianConsentGivenAt,
    string ConsentTextVersion,
    string ConsentLanguage,
    DateTimeOffset ConsentGivenAt,
    string MessageLanguage,
    DateTimeOffset SignedUpAt,
    DateTimeOffset? ApprovedAt,
    DateTimeOffset? EndedAt,
    IReadOnlyList<VolunteerHoursData> Hours,
    IReadOnlyList<VolunteerShiftData> Shifts,
    IReadOnlyList<VolunteerTandemData> Tandems,
    IReadOnlyList<KeptMail> Messages);

public sealed record VolunteerHoursData(DateOnly Date, string FieldOfAction, decimal Hours, DateTimeOffset LoggedAt);

public sealed record VolunteerShiftData(Guid ShiftId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateTimeOffset SignedUpAt, bool? Attended);

public sealed record VolunteerTandemData(Guid TandemId, string Purpose, DateOnly StartsOn, DateOnly? EndsOn, DateTimeOffset? EndedAt);

/// <summary>A registration as stored, with the event it is for and the messages about it still kept.</summary>
public sealed record RegistrationData(
    Guid RegistrationId,
    Guid EventId,
    string Event,
    DateTimeOffset EventStartsAt,
    int People,
    RegistrationStatus Status,
    string? Name,
    string? Email,
    string? Phone,
    string MessageLanguage,
    string ConsentTextVersion,
    string ConsentLanguage,
    DateTimeOffset ConsentGivenAt,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? ConfirmedAt,
    DateTimeOffset? CancelledAt,
    int? PeopleAttended,
    IReadOnlyList<KeptMail> Messages);
