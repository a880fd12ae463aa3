using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Quartier.Engagement.Data;
using Quartier.Engagement.Events;
using Quartier.Engagement.Registrations;
using Quartier.ServiceDefaults.Mail;
using Quartier.ServiceDefaults.Privacy;

namespace Quartier.Engagement.Privacy;

/// <summary>
/// The resident's rights by a registration's management link (GDPR Art. 15, 17, 20): everything stored
/// about it as JSON, and erasure at once — name and contact go, the messages about it still kept are
/// forgotten, the registration stays anonymous (its seats and the event's counts do not change). An
/// erased or expired link answers 404 like an unknown one; erasing again answers the same.
/// </summary>
public static class PersonalDataEndpoints
{
    private static readonly string[] RegistrationRemains = ["event", "people", "status", "attendance"];

    public static IEndpointRouteBuilder MapResidentsOwnData(this IEndpointRouteBuilder app)
    {
        app.MapPersonalData(RegistrationEndpoints.ManagePath, "registration", Export, Erase, "the registration stays, anonymous");
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
            registration.ConsentTextVersion, registration.ConsentGivenAt, registration.RegisteredAt, registration.ConfirmedAt, registration.CancelledAt,
            registration.PeopleAttended, await ResidentMail.KeptAboutAsync(db, registration.Id, cancellationToken)));
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
    DateTimeOffset ConsentGivenAt,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? ConfirmedAt,
    DateTimeOffset? CancelledAt,
    int? PeopleAttended,
    IReadOnlyList<KeptMail> Messages);
