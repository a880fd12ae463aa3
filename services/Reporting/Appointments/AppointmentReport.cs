using Quartier.Reporting.Reports;

namespace Quartier.Reporting.Appointments;

public sealed record AppointmentFigures(int Booked, int Cancelled, int Attended, int NoShow)
{
    public static readonly AppointmentFigures None = new(0, 0, 0, 0);

    public static AppointmentFigures Sum(IEnumerable<AppointmentFigures> figures) =>
        figures.Aggregate(None, (sum, f) => new(sum.Booked + f.Booked, sum.Cancelled + f.Cancelled, sum.Attended + f.Attended, sum.NoShow + f.NoShow));
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
    public static async Task<AppointmentReport> BuildAsync(ReportContext report, ReportHeader header)
    {
        var cells = await AppointmentCounts.ByDimensionAndMonthAsync(report);
        return new AppointmentReport(
            header,
            // Every appointment has exactly one channel value (perhaps unknown), so the channels sum to the total.
            AppointmentFigures.Sum(cells.Where(c => c.Dimension == AppointmentTally.Channel).Select(c => c.Figures)),
            By(cells, AppointmentTally.Channel),
            By(cells, AppointmentTally.FieldOfAction),
            By(cells, AppointmentTally.Language),
            By(cells, AppointmentTally.InterpreterNeeded));
    }

    private static List<AppointmentBreakdown> By(IEnumerable<AppointmentCell> cells, string dimension) =>
        [.. cells.Where(c => c.Dimension == dimension)
            .GroupBy(c => c.Value ?? "unknown", StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new AppointmentBreakdown(g.Key, AppointmentFigures.Sum(g.Select(c => c.Figures))))];

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
