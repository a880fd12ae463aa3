using Quartier.ServiceDefaults.Privacy;
using Quartier.ServiceDefaults.Contact;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Quartier.Bookings.Appointments;
using Quartier.Bookings.Data;
using Quartier.Bookings.Diagnostics;
using Quartier.Bookings.Mail;
using Quartier.Bookings.Offices;
using Quartier.Bookings.OpeningHours;
using Quartier.Bookings.Privacy;
using Quartier.Contracts.Bookings;
using Quartier.ServiceDefaults.Mail;
using Quartier.ServiceDefaults.Messaging.Outbox;
using Quartier.ServiceDefaults.Security;

namespace Quartier.Bookings.Callbacks;

public static class CallbackEndpoints
{
    public const string ManagePath = "/api/bookings/callbacks/manage";
    private const int MaxWindowSearchDays = 31;

    public static IEndpointRouteBuilder MapCallbacks(this IEndpointRouteBuilder app)
    {
        var office = app.MapGroup("/api/bookings/offices/{officeId:guid}").WithTags("Callbacks");
        office.MapGet("/callback-settings", GetSettings).WithSummary("How the office offers callbacks").AllowAnonymous();
        office.MapPut("/callback-settings", SetSettings).WithSummary("Offer callbacks: window length and places per window (office lead)").RequireStaff(StaffPolicies.OfficeLead);
        office.MapGet("/callback-windows", SearchWindows).WithSummary("Callback windows with free places for a range of local dates").AllowAnonymous();
        office.MapPost("/callbacks", RequestCallback).WithSummary("Book a callback window (public; answers the secret management link)").AllowAnonymous();
        office.MapGet("/callbacks/queue", Queue).WithSummary("Open callback requests by window, with residents' contact data (office staff; recorded)").RequireStaff(StaffPolicies.OfficeStaff);

        var manage = app.MapGroup(ManagePath + "/{token}").WithTags("Callbacks").AllowAnonymous();
        manage.MapGet("/", View).WithSummary("The callback behind a management link");
        manage.MapPost("/cancel", Cancel).WithSummary("Cancel the callback with the management link, until the window starts");

        app.MapPost("/api/bookings/callbacks/{callbackId:guid}/attempts", RecordAttempt)
            .WithTags("Callbacks").WithSummary("Record a call attempt (office staff); the third failed attempt closes the request as unreachable")
            .RequireStaff(StaffPolicies.OfficeStaff);
        return app;
    }

    private static async Task<Results<Ok<CallbackSettingsResponse>, NotFound>> GetSettings(Guid officeId, BookingsDbContext db, CancellationToken cancellationToken)
    {
        var settings = await db.CallbackSettings.AsNoTracking().SingleOrDefaultAsync(s => s.OfficeId == officeId, cancellationToken);
        return settings is null ? TypedResults.NotFound() : TypedResults.Ok(CallbackSettingsResponse.From(settings));
    }

    private static async Task<Results<Ok<CallbackSettingsResponse>, NotFound>> SetSettings(
        Guid officeId, CallbackSettingsRequest request, BookingsDbContext db, CancellationToken cancellationToken)
    {
        if (await db.FindOfficeAsync(officeId, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        var settings = await db.CallbackSettings.SingleOrDefaultAsync(s => s.OfficeId == officeId, cancellationToken);
        if (settings is null)
        {
            settings = new CallbackSettings { OfficeId = officeId };
            db.CallbackSettings.Add(settings);
        }

        settings.WindowMinutes = request.WindowMinutes!.Value;
        settings.CapacityPerWindow = request.CapacityPerWindow!.Value;
        settings.MinimumNoticeMinutes = request.MinimumNoticeMinutes ?? 60;
        settings.HorizonDays = request.HorizonDays ?? 14;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(CallbackSettingsResponse.From(settings));
    }

    private static async Task<Results<Ok<List<CallbackWindow>>, NotFound, ProblemHttpResult>> SearchWindows(
        Guid officeId, DateOnly from, DateOnly to, CallbackWindowFinder finder, CancellationToken cancellationToken)
    {
        if (to < from || to.DayNumber - from.DayNumber >= MaxWindowSearchDays)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid date range.",
                detail: $"'to' must not be before 'from', and one search spans at most {MaxWindowSearchDays} days.");
        }

        var context = await finder.LoadAsync(officeId, cancellationToken);
        if (context.Problem is { } problem)
        {
            return problem;
        }

        return context.Office is null
            ? TypedResults.NotFound()
            : TypedResults.Ok((await finder.FindAsync(context, from, to, includeFull: false, cancellationToken)).ToList());
    }

    private static async Task<Results<Created<CallbackConfirmation>, NotFound, ProblemHttpResult>> RequestCallback(
        Guid officeId, RequestCallbackRequest request, BookingsDbContext db, CallbackWindowFinder finder, BookingsMail mail, BookingsMetrics metrics, TimeProvider time, CancellationToken cancellationToken)
    {
        var context = await finder.LoadAsync(officeId, cancellationToken);
        if (context.Problem is { } problem)
        {
            return problem;
        }

        if (context.Office is null)
        {
            return TypedResults.NotFound();
        }

        var now = time.GetUtcNow();
        if (request.Consent!.GivenAt > now.AddMinutes(5))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Consent cannot be given in the future.");
        }

        var startsAt = request.WindowStartsAt!.Value.ToUniversalTime();
        var zone = context.Office.Zone();
        var day = OfficeTime.LocalDate(startsAt, zone);
        var window = (await finder.FindAsync(context, day, day, includeFull: true, cancellationToken)).FirstOrDefault(w => w.StartsAt == startsAt);
        if (window is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Not a callback window.",
                detail: "The time is outside the office's callback windows, too soon or too far ahead. Search the free windows first.");
        }

        var token = ManagementToken.Create();
        var callback = new CallbackRequest
        {
            Id = Guid.CreateVersion7(now),
            OfficeId = officeId,
            WindowStartsAt = window.StartsAt.ToUniversalTime(),
            WindowEndsAt = window.EndsAt.ToUniversalTime(),
            Language = request.Language!,
            FieldOfAction = request.FieldOfAction,
            MessageLanguage = MailWording.Written(request.MessageLanguage, request.Language),
            RequestedAt = now,
            ManagementTokenHash = ManagementToken.Hash(token),
            Contact = new CallbackContact
            {
                Phone = PhoneNumberRules.ToE164(request.Phone)!,
                Email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim(),
                Topic = string.IsNullOrWhiteSpace(request.Topic) ? null : request.Topic.Trim(),
                ConsentTextVersion = request.Consent.TextVersion.Trim(),
                ConsentLanguage = request.Consent.ShownLanguage,
                ConsentGivenAt = (request.Consent.GivenAt ?? now).ToUniversalTime(),
            },
        };
        db.CallbackRequests.Add(callback);
        db.AddIntegrationEvent(new CallbackRequested(callback.Id, officeId, callback.WindowStartsAt, callback.WindowEndsAt, callback.Language, callback.FieldOfAction, now), time);
        await mail.CallbackBookedAsync(callback, token, cancellationToken);
        var seats = Enumerable.Range(1, context.Settings!.CapacityPerWindow);
        if (window.FreePlaces == 0 || !await SeatAllocation.SaveOnFirstFreeSeatAsync(db, seats, seat => callback.Seat = seat, cancellationToken))
        {
            db.ChangeTracker.Clear();
            metrics.SlotConflict();
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "This callback window is full.",
                detail: "Please choose another window.",
                extensions: new Dictionary<string, object?> { ["alternatives"] = (await finder.FindAsync(context, day, day.AddDays(3), includeFull: false, cancellationToken)).Take(5).ToList() });
        }

        metrics.CallbackRequested();
        var manageUrl = $"{ManagePath}/{token}";
        return TypedResults.Created(manageUrl, new CallbackConfirmation(
            callback.Id, officeId, OfficeTime.InOfficeTime(callback.WindowStartsAt, zone), OfficeTime.InOfficeTime(callback.WindowEndsAt, zone), token, manageUrl));
    }

    private static async Task<Results<Ok<List<CallbackView>>, NotFound>> Queue(
        Guid officeId, ClaimsPrincipal user, BookingsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var office = await db.FindOfficeAsync(officeId, cancellationToken);
        if (office is null)
        {
            return TypedResults.NotFound();
        }

        var open = await db.CallbackRequests.AsNoTracking()
            .Where(c => c.OfficeId == officeId && c.Status == CallbackStatus.Open)
            .OrderBy(c => c.WindowStartsAt).ThenBy(c => c.RequestedAt)
            .ToListAsync(cancellationToken);
        await db.RecordPersonalDataReadAsync(user, officeId, "callback-queue", [.. open.Where(c => c.Contact is not null).Select(c => c.Id)], time, cancellationToken);
        var zone = office.Zone();
        return TypedResults.Ok(open.Select(c => ViewOf(c, zone)).ToList());
    }

    private static async Task<Results<Ok<CallbackView>, NotFound>> View(string token, BookingsDbContext db, CancellationToken cancellationToken)
    {
        var callback = await FindAsync(db, token, cancellationToken);
        return callback is null ? TypedResults.NotFound() : TypedResults.Ok(ViewOf(callback, await ZoneAsync(db, callback, cancellationToken)));
    }

    private static async Task<Results<Ok<CallbackView>, NotFound, ProblemHttpResult>> Cancel(
        string token, BookingsDbContext db, BookingsMail mail, TimeProvider time, CancellationToken cancellationToken)
    {
        var callback = await FindAsync(db, token, cancellationToken);
        if (callback is null)
        {
            return TypedResults.NotFound();
        }

        var now = time.GetUtcNow();
        if (callback.Status != CallbackStatus.Open)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The callback can no longer be cancelled.", detail: $"It is {callback.Status}.");
        }

        if (now >= callback.WindowStartsAt)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Too late to cancel online.", detail: "The callback window has begun.");
        }

        callback.Cancel(now);
        db.AddIntegrationEvent(new CallbackCancelled(callback.Id, callback.OfficeId, now), time);
        await mail.CallbackCancelledAsync(callback, officeClosed: false, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ViewOf(callback, await ZoneAsync(db, callback, cancellationToken)));
    }

    private static async Task<Results<Ok<CallbackView>, NotFound, ProblemHttpResult>> RecordAttempt(
        Guid callbackId, RecordAttemptRequest request, ClaimsPrincipal user, BookingsDbContext db, BookingsMetrics metrics, TimeProvider time, CancellationToken cancellationToken)
    {
        var callback = await db.CallbackRequests.SingleOrDefaultAsync(c => c.Id == callbackId, cancellationToken);
        if (callback is null)
        {
            return TypedResults.NotFound();
        }

        if (!user.WorksIn(callback.OfficeId))
        {
            return StaffEndpoints.OtherOffice();
        }

        if (callback.Status != CallbackStatus.Open)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The callback request is closed.", detail: $"It is {callback.Status}.");
        }

        var now = time.GetUtcNow();
        var outcome = request.Outcome!.Value;
        var attempt = callback.RecordAttempt(outcome, now);
        db.AddIntegrationEvent(new CallbackAttempted(callback.Id, callback.OfficeId, attempt.Number, outcome, now), time);
        if (callback.Status == CallbackStatus.Completed)
        {
            db.AddIntegrationEvent(new CallbackCompleted(callback.Id, callback.OfficeId, callback.WindowStartsAt <= now && now <= callback.WindowEndsAt, now), time);
        }
        else if (callback.Status == CallbackStatus.Unreachable)
        {
            db.AddIntegrationEvent(new CallbackUnreachable(callback.Id, callback.OfficeId, callback.Attempts.Count, now), time);
            metrics.CallbackUnreachable();
        }

        await db.SaveChangesAsync(cancellationToken);
        metrics.CallbackAttempted(outcome);
        if (callback.Contact is not null)
        {
            await db.RecordPersonalDataReadAsync(user, callback.OfficeId, "callback-attempt", [callback.Id], time, cancellationToken);
        }

        return TypedResults.Ok(ViewOf(callback, await ZoneAsync(db, callback, cancellationToken)));
    }

    /// <summary>The callback behind a live link: one whose personal data was erased or expired opens nothing.</summary>
    private static Task<CallbackRequest?> FindAsync(BookingsDbContext db, string token, CancellationToken cancellationToken)
    {
        var hash = ManagementToken.Hash(token);
        return db.CallbackRequests.SingleOrDefaultAsync(c => c.ManagementTokenHash == hash && c.PersonalDataPurgedAt == null, cancellationToken);
    }

    private static async Task<TimeZoneInfo> ZoneAsync(BookingsDbContext db, CallbackRequest callback, CancellationToken cancellationToken) =>
        (await db.Offices.AsNoTracking().SingleAsync(o => o.OfficeId == callback.OfficeId, cancellationToken)).Zone();

    private static CallbackView ViewOf(CallbackRequest c, TimeZoneInfo zone) => new(
        c.Id, c.OfficeId, OfficeTime.InOfficeTime(c.WindowStartsAt, zone), OfficeTime.InOfficeTime(c.WindowEndsAt, zone), c.Status, c.Language, c.FieldOfAction,
        c.Contact?.Phone, c.Contact?.Topic, c.Attempts, c.OverdueAt is not null);
}
