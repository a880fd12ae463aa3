using Quartier.ServiceDefaults.Privacy;
using Quartier.ServiceDefaults.Contact;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Quartier.Contracts.Engagement;
using Quartier.Engagement.Common;
using Quartier.Engagement.Data;
using Quartier.Engagement.Events;
using Quartier.Engagement.Mail;
using Quartier.ServiceDefaults.Mail;
using Quartier.ServiceDefaults.Messaging.Outbox;
using System.Security.Claims;
using Quartier.ServiceDefaults.Security;

namespace Quartier.Engagement.Registrations;

public static class RegistrationEndpoints
{
    public const string ManagePath = "/api/engagement/registrations/manage";

    public static IEndpointRouteBuilder MapRegistrations(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/api/engagement/events/{eventId:guid}/registrations").WithTags("Registrations");
        events.MapPost("/", Register).WithSummary("Register for an event (public): confirmed, or waitlisted when full").AllowAnonymous();
        events.MapGet("/", ListRegistrations).WithSummary("Registrations of an event in arrival order, with contact data (office staff; recorded)").RequireStaff(StaffPolicies.OfficeStaff);

        var registrations = app.MapGroup("/api/engagement/registrations").WithTags("Registrations");
        registrations.MapGet("/manage/{token}", GetByToken).WithSummary("A registration, by the secret of its management link").AllowAnonymous();
        registrations.MapPost("/manage/{token}/cancel", CancelByToken).WithSummary("Cancel a registration with its management link; frees seats for the waitlist").AllowAnonymous();
        registrations.MapPost("/{id:guid}/attendance", RecordAttendance).WithSummary("Record how many people came (office staff)").RequireStaff(StaffPolicies.OfficeStaff);
        return app;
    }

    private static async Task<Results<Created<RegisteredResponse>, ProblemHttpResult>> Register(
        Guid eventId, RegisterRequest request, EngagementDbContext db, EngagementMail mail, TimeProvider time, EngagementMetrics metrics, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var target = await db.LockAsync(eventId, cancellationToken);
        if (target is null)
        {
            return Problems.NotFound("Event");
        }

        var now = time.GetUtcNow();
        if (target.Status == EventStatus.Cancelled)
        {
            return Problems.Unprocessable("The event is cancelled.", "Registration is closed.");
        }

        if (now > target.RegistrationDeadline)
        {
            return Problems.Unprocessable("Registration has closed.", $"The deadline was {target.RegistrationDeadline:u}.");
        }

        if (request.People > target.Capacity)
        {
            return Problems.Unprocessable("Too many people for this event.", $"The event has {target.Capacity} seats in all.");
        }

        // Anyone still waiting does not fit into the free seats (see Waitlist), so a newcomer who fits takes nobody's seat.
        var confirmed = request.People <= target.FreeSeats;
        var token = ManagementToken.Create();
        var registration = Registration.Create(
            Guid.CreateVersion7(now), eventId, request.People, confirmed, request.Name.Trim(),
            NullIfBlank(request.Email), PhoneNumberRules.ToE164(request.Phone), request.ConsentTextVersion, ManagementToken.Hash(token), now,
            MailWording.Written(request.MessageLanguage), request.ConsentLanguage ?? ConsentTexts.DefaultLanguage);
        db.Registrations.Add(registration);
        if (confirmed)
        {
            target.ConfirmedPeople += request.People;
        }

        int? position = null;
        if (confirmed)
        {
            db.AddIntegrationEvent(new RegistrationConfirmed(registration.Id, eventId, target.OfficeId, registration.People, now), time);
        }
        else
        {
            // Under the event's lock nobody else joins the waitlist meanwhile: this one goes to its end.
            position = await db.Registrations.CountAsync(r => r.EventId == eventId && r.Status == RegistrationStatus.Waitlisted, cancellationToken) + 1;
            db.AddIntegrationEvent(new RegistrationWaitlisted(registration.Id, eventId, target.OfficeId, registration.People, position.Value, now), time);
        }

        await mail.RegisteredAsync(registration, target, token, position, cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        metrics.Registered(confirmed ? "confirmed" : "waitlisted");

        var url = $"{ManagePath}/{token}";
        return TypedResults.Created(url, new RegisteredResponse(registration.Id, eventId, registration.People, registration.Status, position, token, url));
    }

    private static async Task<Results<Ok<RegistrationResponse>, ProblemHttpResult>> GetByToken(
        string token, EngagementDbContext db, CancellationToken cancellationToken)
    {
        var hash = ManagementToken.Hash(token);
        var registration = await db.Registrations.AsNoTracking().SingleOrDefaultAsync(r => r.ManagementTokenHash == hash && r.PersonalDataErasedAt == null, cancellationToken);
        return registration is null
            ? Problems.NotFound("Registration")
            : TypedResults.Ok(new RegistrationResponse(registration.Id, registration.EventId, registration.People, registration.Status,
                registration.Status == RegistrationStatus.Waitlisted ? await WaitlistPositionAsync(db, registration, cancellationToken) : null));
    }

    private static async Task<Results<Ok<RegistrationResponse>, ProblemHttpResult>> CancelByToken(
        string token, EngagementDbContext db, EngagementMail mail, TimeProvider time, EngagementMetrics metrics, CancellationToken cancellationToken)
    {
        var hash = ManagementToken.Hash(token);
        var eventId = await db.Registrations.Where(r => r.ManagementTokenHash == hash && r.PersonalDataErasedAt == null).Select(r => (Guid?)r.EventId).SingleOrDefaultAsync(cancellationToken);
        if (eventId is null)
        {
            return Problems.NotFound("Registration");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var target = (await db.LockAsync(eventId.Value, cancellationToken))!;
        // Read again under the lock: a parallel cancellation of the same registration must not free its seats twice.
        var registration = await db.Registrations.SingleAsync(r => r.ManagementTokenHash == hash && r.PersonalDataErasedAt == null, cancellationToken);
        if (registration.Status == RegistrationStatus.Cancelled)
        {
            return Problems.Conflict("The registration is already cancelled.", $"It was cancelled at {registration.CancelledAt:u}.");
        }

        var now = time.GetUtcNow();
        if (target.StartsAt <= now)
        {
            return Problems.Unprocessable("The event has begun.", "A registration cannot be cancelled once the event has started.");
        }

        var wasConfirmed = registration.Status == RegistrationStatus.Confirmed;
        registration.Cancel(now);
        db.AddIntegrationEvent(new RegistrationCancelled(registration.Id, target.Id, target.OfficeId, registration.People, wasConfirmed, now), time);
        if (wasConfirmed)
        {
            target.ConfirmedPeople -= registration.People;
            await db.PromoteWaitingAsync(target, mail, metrics, time, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new RegistrationResponse(registration.Id, registration.EventId, registration.People, registration.Status, null));
    }

    private static async Task<Results<Ok<List<StaffRegistrationResponse>>, ProblemHttpResult>> ListRegistrations(
        Guid eventId, ClaimsPrincipal user, EngagementDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var officeId = await db.Events.Where(e => e.Id == eventId).Select(e => (Guid?)e.OfficeId).SingleOrDefaultAsync(cancellationToken);
        if (officeId is null)
        {
            return Problems.NotFound("Event");
        }

        if (!user.WorksIn(officeId.Value))
        {
            return StaffEndpoints.OtherOffice();
        }

        var registrations = await db.Registrations.AsNoTracking()
            .Where(r => r.EventId == eventId)
            .OrderBy(r => r.Sequence)
            .Select(r => new StaffRegistrationResponse(r.Id, r.People, r.Status, r.Sequence, r.Name, r.Email, r.Phone, r.PeopleAttended))
            .ToListAsync(cancellationToken);
        await db.RecordPersonalDataReadAsync(user, officeId, "event-registrations", [.. registrations.Select(r => r.Id)], time, cancellationToken);
        return TypedResults.Ok(registrations);
    }

    private static async Task<Results<Ok<StaffRegistrationResponse>, ProblemHttpResult>> RecordAttendance(
        Guid id, RecordAttendanceRequest request, ClaimsPrincipal user, EngagementDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var registration = await db.Registrations.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (registration is null)
        {
            return Problems.NotFound("Registration");
        }

        if (registration.Status != RegistrationStatus.Confirmed)
        {
            return Problems.Unprocessable("Only confirmed registrations attend.", $"This registration is {registration.Status}.");
        }

        if (request.PeopleAttended > registration.People)
        {
            return Problems.Unprocessable("More people than registered.", $"The registration is for {registration.People}.");
        }

        var target = await db.Events.AsNoTracking().SingleAsync(e => e.Id == registration.EventId, cancellationToken);
        if (!user.WorksIn(target.OfficeId))
        {
            return StaffEndpoints.OtherOffice();
        }

        // As for shifts, and as Reporting counts it: who came is known once the event has begun.
        var now = time.GetUtcNow();
        if (target.StartsAt > now)
        {
            return Problems.Unprocessable("The event has not begun.", "Attendance is recorded once the event has started.");
        }

        registration.RecordAttendance(request.PeopleAttended);
        db.AddIntegrationEvent(new AttendanceRecorded(registration.Id, target.Id, target.OfficeId, request.PeopleAttended, now), time);
        await db.SaveChangesAsync(cancellationToken);
        await db.RecordPersonalDataReadAsync(user, target.OfficeId, "registration-attendance", [registration.Id], time, cancellationToken);
        return TypedResults.Ok(new StaffRegistrationResponse(registration.Id, registration.People, registration.Status, registration.Sequence,
            registration.Name, registration.Email, registration.Phone, registration.PeopleAttended));
    }

    private static Task<int> WaitlistPositionAsync(EngagementDbContext db, Registration registration, CancellationToken cancellationToken) =>
        db.Registrations.CountAsync(
            r => r.EventId == registration.EventId && r.Status == RegistrationStatus.Waitlisted && r.Sequence <= registration.Sequence,
            cancellationToken);

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
