using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Quartier.Contracts.Engagement;
using Quartier.Engagement.Common;
using Quartier.Engagement.Data;
using Quartier.Engagement.Mail;
using Quartier.Engagement.Registrations;
using Quartier.ServiceDefaults.Messaging.Outbox;
using System.Security.Claims;
using EntityTags = Quartier.ServiceDefaults.Http.EntityTags;
using Quartier.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;

namespace Quartier.Engagement.Events;

public static class EventEndpoints
{
    private const int MaxListed = 200;

    public static RouteGroupBuilder MapEvents(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/engagement/offices/{officeId:guid}/events", ScheduleEvent).WithTags("Events")
            .WithSummary("Schedule an event at an open office (office staff)").RequireStaff(StaffPolicies.OfficeStaff)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        var group = app.MapGroup("/api/engagement/events").WithTags("Events");
        group.MapGet("/", ListEvents).WithSummary("Scheduled events, filtered by office, period, field of action and language").AllowAnonymous();
        group.MapGet("/{id:guid}", GetEvent).WithName(nameof(GetEvent)).WithSummary("One event with its free seats; the ETag header carries its plan's version").AllowAnonymous();
        group.MapPut("/{id:guid}", ChangeEvent).WithName(nameof(ChangeEvent))
            .WithSummary("Change an event that has not begun; a larger capacity moves the waitlist up, a new time or place is mailed to who registered (office staff)")
            .WithDescription("If-Match is optional; when given, a plan changed by someone else meanwhile is a 412 and nothing is changed.")
            .RequireStaff(StaffPolicies.OfficeStaff)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:guid}/cancel", CancelEvent).WithSummary("Cancel an event; every registration is cancelled with it (office staff)").RequireStaff(StaffPolicies.OfficeStaff);
        return group;
    }

    private static async Task<Ok<List<EventResponse>>> ListEvents(
        EngagementDbContext db, TimeProvider time, Guid? officeId, DateTimeOffset? from, DateTimeOffset? to,
        string? fieldOfAction, string? language, CancellationToken cancellationToken)
    {
        var since = from ?? time.GetUtcNow();
        var query = db.Events.AsNoTracking().Where(e => e.Status == EventStatus.Scheduled && e.EndsAt > since);
        if (officeId is { } office)
        {
            query = query.Where(e => e.OfficeId == office);
        }

        if (to is { } until)
        {
            query = query.Where(e => e.StartsAt < until);
        }

        if (!string.IsNullOrEmpty(fieldOfAction))
        {
            query = query.Where(e => e.FieldOfAction == fieldOfAction);
        }

        if (!string.IsNullOrEmpty(language))
        {
            query = query.Where(e => e.Texts.Any(text => text.Language == language));
        }

        var events = await query.OrderBy(e => e.StartsAt).ThenBy(e => e.Id).Take(MaxListed).ToListAsync(cancellationToken);
        return TypedResults.Ok(events.Select(EventResponse.From).ToList());
    }

    private static async Task<Results<Ok<EventResponse>, NotFound>> GetEvent(Guid id, HttpResponse response, EngagementDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Events.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken) is not { } found)
        {
            return TypedResults.NotFound();
        }

        response.Headers.ETag = EntityTags.For(found.PlanVersion);
        return TypedResults.Ok(EventResponse.From(found));
    }

    private static async Task<Results<CreatedAtRoute<EventResponse>, ProblemHttpResult>> ScheduleEvent(
        Guid officeId, ScheduleEventRequest request, EngagementDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var office = await db.Offices.FindAsync([officeId], cancellationToken);
        if (office is not { IsOpen: true })
        {
            return Problems.OfficeNotUsable(officeId, office is not null);
        }

        var now = time.GetUtcNow();
        if (request.StartsAt <= now)
        {
            return Problems.Unprocessable("The event lies in the past.", "Schedule events that start in the future.");
        }

        var scheduled = new CommunityEvent
        {
            Id = Guid.CreateVersion7(now),
            OfficeId = office.OfficeId,
            FieldOfAction = request.FieldOfAction,
            Texts = request.Texts.Select(text => new EventText { Language = text.Language, Title = text.Title.Trim(), Description = text.Description?.Trim() }).ToList(),
            Place = request.Place.Trim(),
            StartsAt = request.StartsAt.ToUniversalTime(),
            EndsAt = request.EndsAt.ToUniversalTime(),
            RegistrationDeadline = (request.RegistrationDeadline ?? request.StartsAt).ToUniversalTime(),
            Capacity = request.Capacity,
            ScheduledAt = now,
        };
        db.Events.Add(scheduled);
        db.AddIntegrationEvent(new EventScheduled(
            scheduled.Id, scheduled.OfficeId, scheduled.FieldOfAction, scheduled.StartsAt, scheduled.EndsAt, scheduled.Capacity, now), time);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.CreatedAtRoute(EventResponse.From(scheduled), nameof(GetEvent), new { id = scheduled.Id });
    }

    private static async Task<Results<Ok<EventResponse>, ProblemHttpResult>> ChangeEvent(
        Guid id, ScheduleEventRequest request, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, HttpResponse response, ClaimsPrincipal user, EngagementDbContext db, EngagementMail mail, EngagementMetrics metrics, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (changed, refusal) = await LockScheduledAsync(db, id, user, cancellationToken);
        if (changed is null)
        {
            return refusal!;
        }

        if (ifMatch is not null && !EntityTags.Matches(ifMatch, EntityTags.For(changed.PlanVersion)))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status412PreconditionFailed,
                title: "The event was changed by someone else.",
                detail: "Load the event again (its ETag changed) and apply your change to the current plan.");
        }

        var now = time.GetUtcNow();
        if (changed.StartsAt <= now)
        {
            return Problems.Unprocessable("The event has begun.", "An event is changed before it starts.");
        }

        if (request.StartsAt <= now)
        {
            return Problems.Unprocessable("The event would lie in the past.", "Move events to a time in the future.");
        }

        if (request.Capacity < changed.ConfirmedPeople)
        {
            return Problems.Unprocessable(
                "Fewer seats than confirmed people.", $"{changed.ConfirmedPeople} people are confirmed; keep at least {changed.ConfirmedPeople} seats.");
        }

        var moved = changed.Change(
            request.FieldOfAction,
            [.. request.Texts.Select(text => new EventText { Language = text.Language, Title = text.Title.Trim(), Description = text.Description?.Trim() })],
            request.Place.Trim(),
            request.StartsAt.ToUniversalTime(),
            request.EndsAt.ToUniversalTime(),
            (request.RegistrationDeadline ?? request.StartsAt).ToUniversalTime(),
            request.Capacity);
        if (moved)
        {
            var told = await db.Registrations.Where(r => r.EventId == id && r.Status != RegistrationStatus.Cancelled).ToListAsync(cancellationToken);
            foreach (var registration in told)
            {
                await mail.EventChangedAsync(registration, changed, cancellationToken);
            }
        }

        await db.PromoteWaitingAsync(changed, mail, metrics, time, cancellationToken);
        db.AddIntegrationEvent(new EventChanged(id, changed.OfficeId, changed.FieldOfAction, changed.StartsAt, changed.EndsAt, changed.Capacity, now), time);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        response.Headers.ETag = EntityTags.For(changed.PlanVersion);
        return TypedResults.Ok(EventResponse.From(changed));
    }

    private static async Task<Results<Ok<EventResponse>, ProblemHttpResult>> CancelEvent(
        Guid id, ClaimsPrincipal user, EngagementDbContext db, EngagementMail mail, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (cancelled, refusal) = await LockScheduledAsync(db, id, user, cancellationToken);
        if (cancelled is null)
        {
            return refusal!;
        }

        var now = time.GetUtcNow();
        if (cancelled.EndsAt <= now)
        {
            return Problems.Unprocessable("The event is over.", "A past event cannot be cancelled.");
        }

        cancelled.Status = EventStatus.Cancelled;
        cancelled.CancelledAt = now;
        cancelled.ConfirmedPeople = 0;
        var active = await db.Registrations
            .Where(r => r.EventId == id && r.Status != RegistrationStatus.Cancelled)
            .OrderBy(r => r.Sequence)
            .ToListAsync(cancellationToken);
        foreach (var registration in active)
        {
            var wasConfirmed = registration.Status == RegistrationStatus.Confirmed;
            registration.Cancel(now);
            db.AddIntegrationEvent(new RegistrationCancelled(registration.Id, id, cancelled.OfficeId, registration.People, wasConfirmed, now), time);
            await mail.EventCancelledAsync(registration, cancelled, cancellationToken);
        }

        db.AddIntegrationEvent(new EventCancelled(id, cancelled.OfficeId, now), time);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(EventResponse.From(cancelled));
    }

    /// <summary>Locks a scheduled event of the caller's office for a change; otherwise the refusal (404, 403, 409 once cancelled).</summary>
    private static async Task<(CommunityEvent? Locked, ProblemHttpResult? Refusal)> LockScheduledAsync(
        EngagementDbContext db, Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var locked = await db.LockAsync(id, cancellationToken);
        if (locked is null)
        {
            return (null, Problems.NotFound("Event"));
        }

        if (!user.WorksIn(locked.OfficeId))
        {
            return (null, StaffEndpoints.OtherOffice());
        }

        return locked.Status == EventStatus.Cancelled
            ? (null, Problems.Conflict("The event is cancelled.", $"It was cancelled at {locked.CancelledAt:u}."))
            : (locked, null);
    }
}
