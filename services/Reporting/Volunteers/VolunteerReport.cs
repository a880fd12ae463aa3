using Quartier.Reporting.Reports;

namespace Quartier.Reporting.Volunteers;

public sealed record VolunteerReport(ReportHeader Header, VolunteerFigures Figures) : ITabularReport
{
    public static async Task<VolunteerReport> BuildAsync(ReportContext report, ReportHeader header)
    {
        var rows = await VolunteerFigures.LoadAsync(report);
        var hours = (await VolunteerFigures.HoursByFieldAndMonthAsync(report)).Values.Sum();
        return new VolunteerReport(header, VolunteerFigures.Count(rows, report.From, report.To, hours));
    }

    public IReadOnlyList<CsvTable> ToCsv() =>
    [
        new CsvTable(
            ["active", "new", "approved", "ended", "hours", "tandemsActive", "tandemsFormed", "shiftsFilled", "shiftsShort"],
            [[Figures.Active, Figures.New, Figures.Approved, Figures.Ended, Figures.Hours, Figures.TandemsActive, Figures.TandemsFormed, Figures.ShiftsFilled, Figures.ShiftsShort]]),
    ];
}
