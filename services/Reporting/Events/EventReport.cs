using Quartier.Reporting.Reports;

namespace Quartier.Reporting.Events;

public sealed record EventReport(ReportHeader Header, EventFigures Total, IReadOnlyDictionary<string, EventFigures> ByFieldOfAction) : ITabularReport
{
    public static async Task<EventReport> BuildAsync(ReportContext report, ReportHeader header)
    {
        var cells = await EventFigures.ByFieldAndMonthAsync(report);
        var byField = cells.GroupBy(c => c.Key.FieldOfAction ?? "unknown", StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(c => c.Value).Aggregate(EventFigures.None, (sum, f) => sum.Add(f)), StringComparer.Ordinal);
        return new EventReport(header, byField.Values.Aggregate(EventFigures.None, (sum, f) => sum.Add(f)), byField);
    }

    public IReadOnlyList<CsvTable> ToCsv() =>
    [
        new CsvTable(
            ["fieldOfAction", "scheduled", "cancelled", "held", "registrations", "waitlisted", "promoted", "registrationsCancelled", "peopleConfirmedAtHeldEvents", "peopleAttended", "attendanceRate"],
            [Row("total", Total), .. ByFieldOfAction.Select(f => Row(f.Key, f.Value))]),
    ];

    private static object?[] Row(string field, EventFigures f) =>
        [field, f.Scheduled, f.Cancelled, f.Held, f.Registrations, f.Waitlisted, f.Promoted, f.RegistrationsCancelled, f.PeopleConfirmedAtHeldEvents, f.PeopleAttended, f.AttendanceRate];
}
