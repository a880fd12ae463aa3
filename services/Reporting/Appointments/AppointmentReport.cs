using Microsoft.EntityFrameworkCore;
using Quartier.Contracts.Bookings;
using Quartier.Reporting.Reports;

namespace Quartier.Reporting.Appointments;

public sealed record AppointmentFigures(int Booked, int Cancelled, int Attended, int NoShow)
{
    public static AppointmentFigures Sum(IEnumerable<AppointmentFigures> figures) =>
        figures.Aggregate(new AppointmentFigures(0, 0, 0, 0), (sum, f) => new(sum.Booked + f.Booked, sum.Cancelled + f.Cancelled, sum.Attended + f.Attended, sum.NoShow + f.NoShow));
}

public sealed record AppointmentBreakdown(string Value, AppointmentFigures Figures);

/// <summary>Appointments starting in the period; cancellations and outcomes count with the appointment.</summary>
public sealed record AppointmentReport(
    ReportHeader Header,
    AppointmentFigures Total,
    IReadOnlyList<AppointmentBreakdown> ByChannel,
    IReadOnlyList<AppointmentBreakdown> ByFieldOfAction,
    IReadOnlyList<AppointmentBreakdown> ByLanguage,
    IReadOnlyList<AppointmentBreakdown> ByInterpreterNeeded) : ITabularReport
{
    private sealed record Group(AppointmentChannel? Channel, string? FieldOfAction, string? Language, bool? InterpreterNeeded, AppointmentFigures Figures);

    public static async Task<AppointmentReport> BuildAsync(ReportContext report, ReportHeader header)
    {
        var groups = await report.InScope(report.Db.Appointments.AsNoTracking())
            .Where(a => a.Booked && a.Date >= report.From && a.Date <= report.To)
            .GroupBy(a => new { a.Channel, a.FieldOfAction, a.Language, a.InterpreterNeeded })
            .Select(g => new Group(g.Key.Channel, g.Key.FieldOfAction, g.Key.Language, g.Key.InterpreterNeeded, new AppointmentFigures(
                g.Count(),
                g.Count(a => a.CancelledAt != null),
                g.Count(a => a.Outcome == AppointmentOutcome.Attended),
                g.Count(a => a.Outcome == AppointmentOutcome.NoShow))))
            .ToListAsync(report.CancellationToken);

        return new AppointmentReport(
            header,
            AppointmentFigures.Sum(groups.Select(g => g.Figures)),
            By(groups, g => g.Channel?.ToString()),
            By(groups, g => g.FieldOfAction),
            By(groups, g => g.Language),
            By(groups, g => g.InterpreterNeeded switch { true => "yes", false => "no", null => null }));
    }

    private static List<AppointmentBreakdown> By(IEnumerable<Group> groups, Func<Group, string?> dimension) =>
        [.. groups.GroupBy(g => dimension(g) ?? "unknown", StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new AppointmentBreakdown(g.Key, AppointmentFigures.Sum(g.Select(x => x.Figures))))];

    public IReadOnlyList<CsvTable> ToCsv()
    {
        var rows = new List<IReadOnlyList<object?>> { Row("total", "", Total) };
        rows.AddRange(ByChannel.Select(b => Row("channel", b.Value, b.Figures)));
        rows.AddRange(ByFieldOfAction.Select(b => Row("fieldOfAction", b.Value, b.Figures)));
        rows.AddRange(ByLanguage.Select(b => Row("language", b.Value, b.Figures)));
        rows.AddRange(ByInterpreterNeeded.Select(b => Row("interpreterNeeded", b.Value, b.Figures)));
        return [new CsvTable(["dimension", "value", "booked", "cancelled", "attended", "noShow"], rows)];
    }

    private static object?[] Row(string dimension, string value, AppointmentFigures f) => [dimension, value, f.Booked, f.Cancelled, f.Attended, f.NoShow];
}
