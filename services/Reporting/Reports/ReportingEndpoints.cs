using Quartier.Reporting.Appointments;
using Quartier.Reporting.Callbacks;
using Quartier.Reporting.Events;
using Quartier.Reporting.FieldsOfAction;
using Quartier.Reporting.OpeningHours;
using Quartier.Reporting.Programme;
using Quartier.Reporting.Volunteers;

namespace Quartier.Reporting.Reports;

public static class ReportingEndpoints
{
    public static RouteGroupBuilder MapReports(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/reporting").WithTags("Reports");
        reports.MapReport("/appointments", AppointmentReport.BuildAsync).WithSummary("Appointments booked, cancelled, attended and missed, by channel, field of action, language and interpreter");
        reports.MapReport("/callbacks", CallbackReport.BuildAsync).WithSummary("Callback service level: requested, reached, unreachable, overdue, time to first attempt");
        reports.MapReport("/opening-hours", OpeningHoursReport.BuildAsync).WithSummary("Hours offered and their utilisation by booked appointments");
        reports.MapReport("/events", EventReport.BuildAsync).WithSummary("Events held, registrations, waitlist and attendance");
        reports.MapReport("/volunteers", VolunteerReport.BuildAsync).WithSummary("Volunteers active, new and ended, their hours, tandems and shifts");
        reports.MapReport("/fields-of-action", FieldOfActionReport.BuildAsync).WithSummary("All activities per field of action");
        reports.MapReport("/programme", ProgrammeReport.BuildAsync, onlyPeriod: PeriodKind.Year, projectAreaRequired: true)
            .WithSummary("The yearly report to the funding programme for a project area, by field of action and month");
        return reports;
    }
}
