using Quartier.Reporting.Reports;

namespace Quartier.Reporting.FieldsOfAction;

public sealed record FieldOfActionRow(string FieldOfAction, string? Name, FieldFigures Figures);

/// <summary>Per field of action ("Handlungsfeld") the figures of every activity; "none" collects what came without one.</summary>
public sealed record FieldOfActionReport(ReportHeader Header, IReadOnlyList<FieldOfActionRow> Fields) : ITabularReport
{
    public const string NoField = "none";

    public static async Task<FieldOfActionReport> BuildAsync(ReportContext report, ReportHeader header)
    {
        var cells = await FieldFigures.ByFieldAndMonthAsync(report);
        return new FieldOfActionReport(header, Rows(cells));
    }

    internal static List<FieldOfActionRow> Rows(IEnumerable<KeyValuePair<FieldMonth, FieldFigures>> cells) =>
        [.. cells.GroupBy(c => c.Key.FieldOfAction ?? NoField, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new FieldOfActionRow(
                g.Key,
                Contracts.FieldsOfAction.Names.GetValueOrDefault(g.Key),
                g.Select(c => c.Value).Aggregate(FieldFigures.None, (sum, f) => sum.Add(f))))];

    public IReadOnlyList<CsvTable> ToCsv() =>
        [new CsvTable(["fieldOfAction", "name", .. FieldFigures.CsvColumns], [.. Fields.Select(f => (object?[])[f.FieldOfAction, f.Name, .. f.Figures.CsvCells()])])];
}
