using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Quartier.Contracts.Bookings;
using Quartier.Web.Api;

namespace Quartier.Web.Staff;

/// <summary>
/// What staff record from the day page: plain form posts (the console needs no script), sent on to the
/// service with the person's token, then back to the day with what came of it (post, redirect, get).
/// </summary>
public static class StaffActions
{
    private static readonly HashSet<string> Successes = ["CheckedIn", "Attended", "NoShow", "Cancelled", "AttemptRecorded", "AttendanceRecorded", "EventCancelled", "EventScheduled", "Volunteer-approve", "Volunteer-pause", "Volunteer-end", "ContactCounted", "ContactWithdrawn", "MembershipAdded", "MembershipRemoved", "AccountDisabled", "ServiceOffered", "ServiceSaved", "ServiceWithdrawn", "CallbackOfferSaved", "OfficeRegistered", "OfficeSaved", "OfficeClosed", "PlanSaved", "SpecialDaySaved", "SpecialDayRemoved", "ClosureAdded", "ClosureRemoved", "EventChanged", "OpportunityCreated", "ShiftAdded", "SignedUpForShift", "ShiftAttendanceRecorded", "TandemFormed", "TandemEnded", "HoursLogged"];

    /// <summary>What staff may do with a volunteer, by the engagement service's name for it.</summary>
    public static IReadOnlyList<string> VolunteerChanges { get; } = ["approve", "pause", "end"];

    public static bool Succeeded(string? notice) => notice is not null && Successes.Contains(notice);

    public static IEndpointRouteBuilder MapStaffActions(this IEndpointRouteBuilder app)
    {
        var office = app.MapGroup("/staff/offices/{officeId:guid}")
            .RequireAuthorization(StaffSignIn.Policy)
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();
        office.MapPost("/appointments/{appointmentId:guid}/check-in", (Guid officeId, Guid appointmentId, [FromForm] DayForm form, StaffApi staff, CancellationToken cancellationToken) =>
            RecordAsync(DayPath(officeId, form.Date), "CheckedIn", () => staff.CheckInAsync(appointmentId, cancellationToken)));
        office.MapPost("/appointments/{appointmentId:guid}/attended", (Guid officeId, Guid appointmentId, [FromForm] DayForm form, StaffApi staff, CancellationToken cancellationToken) =>
            RecordAsync(DayPath(officeId, form.Date), "Attended", () => staff.MarkAttendedAsync(appointmentId, form.Outcome, form.Referred ?? false, cancellationToken)));
        office.MapPost("/appointments/{appointmentId:guid}/no-show", (Guid officeId, Guid appointmentId, [FromForm] DayForm form, StaffApi staff, CancellationToken cancellationToken) =>
            RecordAsync(DayPath(officeId, form.Date), "NoShow", () => staff.MarkNoShowAsync(appointmentId, cancellationToken)));
        office.MapPost("/appointments/{appointmentId:guid}/cancel", (Guid officeId, Guid appointmentId, [FromForm] DayForm form, StaffApi staff, CancellationToken cancellationToken) =>
            RecordAsync(DayPath(officeId, form.Date), "Cancelled", () => staff.CancelAppointmentAsync(appointmentId, cancellationToken)));
        office.MapPost("/callbacks/{callbackId:guid}/attempts", (Guid officeId, Guid callbackId, [FromForm] DayForm form, StaffApi staff, CancellationToken cancellationToken) =>
            Enum.TryParse<CallbackAttemptOutcome>(form.Outcome, out var outcome)
                ? RecordAsync(DayPath(officeId, form.Date), "AttemptRecorded", () => staff.RecordCallAttemptAsync(callbackId, outcome, cancellationToken))
                : Task.FromResult<IResult>(Back(DayPath(officeId, form.Date), nameof(StaffOutcome.Invalid))));
        office.MapPost("/services/{serviceId:guid}/withdraw", (Guid officeId, Guid serviceId, StaffApi staff, CancellationToken cancellationToken) =>
            RecordAsync($"/staff/offices/{officeId}/services", "ServiceWithdrawn", () => staff.WithdrawServiceAsync(serviceId, cancellationToken)));
        office.MapPost("/hours/special-days/{date}/remove", (Guid officeId, DateOnly date, StaffApi staff, CancellationToken cancellationToken) =>
            RecordAsync($"/staff/offices/{officeId}/hours", "SpecialDayRemoved", () => staff.RemoveSpecialDayAsync(officeId, date, cancellationToken)));
        office.MapPost("/hours/closures/{closureId:guid}/remove", (Guid officeId, Guid closureId, StaffApi staff, CancellationToken cancellationToken) =>
            RecordAsync($"/staff/offices/{officeId}/hours", "ClosureRemoved", () => staff.RemoveClosureAsync(officeId, closureId, cancellationToken)));
        office.MapPost("/contacts", CountContactAsync);
        office.MapPost("/contacts/{contactId:guid}/withdraw", (Guid officeId, Guid contactId, StaffApi staff, CancellationToken cancellationToken) =>
            RecordAsync(DayPath(officeId, null), "ContactWithdrawn", () => staff.WithdrawContactAsync(officeId, contactId, cancellationToken)));
        office.MapPost("/shifts/{shiftId:guid}/sign-ups", (Guid officeId, Guid shiftId, [FromForm] ShiftForm form, StaffApi staff, CancellationToken cancellationToken) =>
            RecordAsync($"/staff/offices/{officeId}/shifts/{shiftId}", "SignedUpForShift",
                () => form.VolunteerId is { } volunteer ? staff.SignUpForShiftAsync(shiftId, volunteer, cancellationToken) : Task.FromResult(StaffOutcome.Invalid), conflict: "ShiftTaken"));
        office.MapPost("/shifts/{shiftId:guid}/attendance", (Guid officeId, Guid shiftId, [FromForm] ShiftForm form, StaffApi staff, CancellationToken cancellationToken) =>
            RecordAsync($"/staff/offices/{officeId}/shifts/{shiftId}", "ShiftAttendanceRecorded",
                () => form is { VolunteerId: { } volunteer, Attended: { } attended } ? staff.RecordShiftAttendanceAsync(shiftId, volunteer, attended, cancellationToken) : Task.FromResult(StaffOutcome.Invalid)));
        office.MapPost("/tandems/{tandemId:guid}/end", (Guid officeId, Guid tandemId, StaffApi staff, CancellationToken cancellationToken) =>
            RecordAsync($"/staff/offices/{officeId}/tandems", "TandemEnded", () => staff.EndTandemAsync(tandemId, cancellationToken)));
        foreach (var change in VolunteerChanges)
        {
            office.MapPost($"/volunteers/{{volunteerId:guid}}/{change}", (Guid officeId, Guid volunteerId, StaffApi staff, CancellationToken cancellationToken) =>
                RecordAsync($"/staff/offices/{officeId}/volunteers", $"Volunteer-{change}", () => staff.ChangeVolunteerAsync(volunteerId, change, cancellationToken)));
        }

        var events = app.MapGroup("/staff/events/{eventId:guid}")
            .RequireAuthorization(StaffSignIn.Policy)
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();
        events.MapPost("/registrations/{registrationId:guid}/attendance", (Guid eventId, Guid registrationId, [FromForm] AttendanceForm form, StaffApi staff, CancellationToken cancellationToken) =>
            RecordAsync($"/staff/events/{eventId}", "AttendanceRecorded", () => form.PeopleAttended is { } people ? staff.RecordEventAttendanceAsync(registrationId, people, cancellationToken) : Task.FromResult(StaffOutcome.Invalid)));
        events.MapPost("/cancel", (Guid eventId, StaffApi staff, CancellationToken cancellationToken) =>
            RecordAsync($"/staff/events/{eventId}", "EventCancelled", () => staff.CancelEventAsync(eventId, cancellationToken)));
        app.MapPost("/staff/directory/{officeId:guid}/close", (Guid officeId, [FromForm] string? version, StaffApi staff, CancellationToken cancellationToken) =>
                RecordAsync($"/staff/directory/{officeId}", "OfficeClosed", () => staff.CloseOfficeAsync(officeId, version, cancellationToken)))
            .RequireAuthorization(StaffSignIn.Policy).WithMetadata(new RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();
        app.MapGet($"/staff/offices/{{officeId:guid}}{StaffSignIn.UnattendedSuffix}", DayVersionAsync).RequireAuthorization(StaffSignIn.Policy).ExcludeFromDescription();
        app.MapGet("/staff/reports/download", DownloadReportAsync).RequireAuthorization(StaffSignIn.Policy).ExcludeFromDescription();
        return app;
    }

    /// <summary>One tap counts a walk-in or a call; the day page then offers to take it back.</summary>
    private static async Task<IResult> CountContactAsync(Guid officeId, [FromForm] ContactForm form, StaffApi staff, CancellationToken cancellationToken)
    {
        var day = DayPath(officeId, null);
        if (!Enum.TryParse<ContactKind>(form.Kind, out var kind))
        {
            return Back(day, nameof(StaffOutcome.Invalid));
        }

        try
        {
            var (outcome, contactId) = await staff.CountContactAsync(officeId, kind, form.FieldOfAction, cancellationToken);
            return Back(contactId is { } counted ? $"{day}?counted={counted}" : day, outcome == StaffOutcome.Done ? "ContactCounted" : outcome.ToString());
        }
        catch (ServiceUnavailableException)
        {
            return Back(day, "ServiceDown");
        }
    }

    /// <summary>What the open day page asks every few seconds: has anything it shows changed? (503 while bookings does not answer.)</summary>
    private static async Task<IResult> DayVersionAsync(Guid officeId, string? date, StaffApi staff, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return TypedResults.BadRequest();
        }

        try
        {
            return await staff.DayVersionAsync(officeId, day, cancellationToken) is { } version
                ? TypedResults.Ok(new DayVersion(version))
                : TypedResults.NotFound();
        }
        catch (ServiceUnavailableException)
        {
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>The report as the reporting service exports it for German spreadsheets (decimal comma); a refused request goes back to the form, which says why.</summary>
    private static async Task<IResult> DownloadReportAsync(string? report, string? scope, string? period, string? date, StaffApi staff, CancellationToken cancellationToken)
    {
        var back = TypedResults.Redirect($"/staff/reports?report={Uri.EscapeDataString(report ?? string.Empty)}&scope={Uri.EscapeDataString(scope ?? string.Empty)}&period={Uri.EscapeDataString(period ?? string.Empty)}&date={Uri.EscapeDataString(date ?? string.Empty)}");
        if (report is null || !Reports.Names.Contains(report) || Reports.Query(scope, period, date) is not { } query)
        {
            return back;
        }

        try
        {
            var (csv, _, _) = await staff.ReportCsvAsync(report, query, decimalComma: true, cancellationToken);
            return csv is null ? back : TypedResults.File(csv, "text/csv; charset=utf-8", $"{report}-{period}-{date ?? "today"}.csv");
        }
        catch (ServiceUnavailableException)
        {
            return back;
        }
    }

    /// <summary>Records a change, then back to <paramref name="page"/> with what came of it (<paramref name="conflict"/> names a conflict in the action's own words).</summary>
    internal static async Task<IResult> RecordAsync(string page, string success, Func<Task<StaffOutcome>> record, string? conflict = null)
    {
        try
        {
            var outcome = await record();
            return Back(page, outcome switch
            {
                StaffOutcome.Done => success,
                StaffOutcome.AlreadyRecorded when conflict is not null => conflict,
                _ => outcome.ToString(),
            });
        }
        catch (ServiceUnavailableException)
        {
            return Back(page, "ServiceDown");
        }
    }

    private static string DayPath(Guid officeId, string? date) =>
        DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? $"/staff/offices/{officeId}?date={day:yyyy-MM-dd}"
            : $"/staff/offices/{officeId}";

    // The browser asks for the page again with GET: a reload shows it and records nothing twice.
    private static RedirectHttpResult Back(string page, string notice) =>
        TypedResults.Redirect($"{page}{(page.Contains('?', StringComparison.Ordinal) ? '&' : '?')}notice={notice}");

    /// <summary>The fields the day page's forms send; each form sends only those it has.</summary>
    public sealed class DayForm
    {
        public string? Date { get; init; }

        public string? Outcome { get; init; }

        public bool? Referred { get; init; }
    }

    /// <summary>A walk-in or phone contact, optionally in a field of action.</summary>
    public sealed class ContactForm
    {
        public string? Kind { get; init; }

        public string? FieldOfAction { get; init; }
    }

    /// <summary>A volunteer taking a place in a shift, or whether they came.</summary>
    public sealed class ShiftForm
    {
        public Guid? VolunteerId { get; init; }

        public bool? Attended { get; init; }
    }

    /// <summary>How many people of a registration came.</summary>
    public sealed class AttendanceForm
    {
        public int? PeopleAttended { get; init; }
    }
}
