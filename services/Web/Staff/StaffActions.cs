using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
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
    private static readonly HashSet<string> Successes = ["Attended", "NoShow", "Cancelled", "AttemptRecorded"];

    public static bool Succeeded(string? notice) => notice is not null && Successes.Contains(notice);

    public static IEndpointRouteBuilder MapStaffActions(this IEndpointRouteBuilder app)
    {
        var office = app.MapGroup("/staff/offices/{officeId:guid}")
            .RequireAuthorization(StaffSignIn.Policy)
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();
        office.MapPost("/appointments/{appointmentId:guid}/attended", (Guid officeId, Guid appointmentId, [FromForm] DayForm form, StaffApi staff, CancellationToken cancellationToken) =>
            RecordAsync(officeId, form.Date, "Attended", () => staff.MarkAttendedAsync(appointmentId, form.Outcome, form.Referred ?? false, cancellationToken)));
        office.MapPost("/appointments/{appointmentId:guid}/no-show", (Guid officeId, Guid appointmentId, [FromForm] DayForm form, StaffApi staff, CancellationToken cancellationToken) =>
            RecordAsync(officeId, form.Date, "NoShow", () => staff.MarkNoShowAsync(appointmentId, cancellationToken)));
        office.MapPost("/appointments/{appointmentId:guid}/cancel", (Guid officeId, Guid appointmentId, [FromForm] DayForm form, StaffApi staff, CancellationToken cancellationToken) =>
            RecordAsync(officeId, form.Date, "Cancelled", () => staff.CancelAppointmentAsync(appointmentId, cancellationToken)));
        office.MapPost("/callbacks/{callbackId:guid}/attempts", (Guid officeId, Guid callbackId, [FromForm] DayForm form, StaffApi staff, CancellationToken cancellationToken) =>
            Enum.TryParse<CallbackAttemptOutcome>(form.Outcome, out var outcome)
                ? RecordAsync(officeId, form.Date, "AttemptRecorded", () => staff.RecordCallAttemptAsync(callbackId, outcome, cancellationToken))
                : Task.FromResult(BackToDay(officeId, form.Date, nameof(StaffOutcome.Invalid))));
        app.MapGet("/staff/reports/download", DownloadReportAsync).RequireAuthorization(StaffSignIn.Policy).ExcludeFromDescription();
        return app;
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

    private static async Task<IResult> RecordAsync(Guid officeId, string? date, string success, Func<Task<StaffOutcome>> record)
    {
        try
        {
            var outcome = await record();
            return BackToDay(officeId, date, outcome == StaffOutcome.Done ? success : outcome.ToString());
        }
        catch (ServiceUnavailableException)
        {
            return BackToDay(officeId, date, "ServiceDown");
        }
    }

    private static IResult BackToDay(Guid officeId, string? date, string notice)
    {
        var day = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? $"date={parsed:yyyy-MM-dd}&" : string.Empty;
        // The browser asks for the day page with GET: a reload shows it again and records nothing twice.
        return TypedResults.Redirect($"/staff/offices/{officeId}?{day}notice={notice}");
    }

    /// <summary>The fields the day page's forms send; each form sends only those it has.</summary>
    public sealed class DayForm
    {
        public string? Date { get; init; }

        public string? Outcome { get; init; }

        public bool? Referred { get; init; }
    }
}
