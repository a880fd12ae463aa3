using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Quartier.Contracts.Offices;
using Quartier.Reporting.FieldsOfAction;
using Quartier.Reporting.Reports;
using Quartier.Reporting.Volunteers;

namespace Quartier.Reporting.Programme;

public sealed record ProgrammeMonth(int Month, IReadOnlyList<FieldOfActionRow> Fields, VolunteerFigures Volunteers);

/// <summary>
/// The yearly report to the funding programme for one project area: per month the figures by field
/// of action and the volunteers, and the area's indicators as its offices last announced them.
/// </summary>
public sealed record ProgrammeReport(
    ReportHeader Header,
    ProjectAreaInfo? ProjectArea,
    IReadOnlyList<FieldOfActionRow> Year,
    IReadOnlyList<ProgrammeMonth> Months) : ITabularReport
{
    public static async Task<ProgrammeReport> BuildAsync(ReportContext report, ReportHeader header)
    {
        var cells = await FieldFigures.ByFieldAndMonthAsync(report);
        var volunteers = await VolunteerFigures.LoadAsync(report);
        var months = Enumerable.Range(1, 12).Select(month =>
        {
            var from = new DateOnly(report.From.Year, month, 1);
            var inMonth = cells.Where(c => c.Key.Month == month).ToList();
            var hours = inMonth.Sum(c => c.Value.VolunteerHours);
            return new ProgrammeMonth(month, FieldOfActionReport.Rows(inMonth), VolunteerFigures.Count(volunteers, from, from.AddMonths(1).AddDays(-1), hours));
        });
        return new ProgrammeReport(header, await ProjectAreaAsync(report), FieldOfActionReport.Rows(cells), [.. months]);
    }

    private static async Task<ProjectAreaInfo?> ProjectAreaAsync(ReportContext report)
    {
        var latest = await report.Db.Offices.AsNoTracking()
            .Where(o => o.ProjectArea == report.Scope.ProjectArea && o.ProjectAreaData != null)
            .OrderByDescending(o => o.DescribedAt)
            .Select(o => o.ProjectAreaData)
            .FirstOrDefaultAsync(report.CancellationToken);
        return latest is null ? null : JsonSerializer.Deserialize<ProjectAreaInfo>(latest, JsonSerializerOptions.Web);
    }

    public IReadOnlyList<CsvTable> ToCsv() =>
    [
        new CsvTable(
            ["month", "fieldOfAction", "name", .. FieldFigures.CsvColumns],
            [
                .. Months.SelectMany(m => m.Fields.Select(f => (object?[])[m.Month, f.FieldOfAction, f.Name, .. f.Figures.CsvCells()])),
                .. Year.Select(f => (object?[])["year", f.FieldOfAction, f.Name, .. f.Figures.CsvCells()]),
            ]),
        new CsvTable(
            ["month", "volunteersActive", "volunteersNew", "volunteersEnded", "volunteerHours", "tandemsActive"],
            [.. Months.Select(m => (object?[])[m.Month, m.Volunteers.Active, m.Volunteers.New, m.Volunteers.Ended, m.Volunteers.Hours, m.Volunteers.TandemsActive])]),
        new CsvTable(
            ["projectArea", "population", "indicator", "areaValue", "townValue", "unit", "source", "asOf"],
            ProjectArea is null
                ? []
                : [.. ProjectArea.Indicators.Select(i => (object?[])[ProjectArea.Name, ProjectArea.Population, i.Name, i.AreaValue, i.TownValue, i.Unit, i.Source, i.AsOf])]),
    ];
}
