using System.Globalization;
using System.Text;
using Microsoft.VisualBasic.FileIO;

namespace Quartier.Web.Staff;

/// <summary>An office as reporting knows it: where its project area comes from.</summary>
public sealed record ReportedOffice(Guid OfficeId, string? Name, string? Town, string? ProjectArea, DateTimeOffset? ClosedAt);

/// <summary>One table of a report, as the reporting service exports it.</summary>
public sealed record ReportTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>
    /// What the chart shows: the first column as labels and the first column of numbers as bars;
    /// null when the table has no numbers.
    /// </summary>
    public (int Label, int Value)? Chart()
    {
        var value = Enumerable.Range(0, Columns.Count).FirstOrDefault(
            column => column > 0 && Rows.Count > 0 && Rows.All(row => column < row.Count && decimal.TryParse(row[column], NumberStyles.Number, CultureInfo.InvariantCulture, out _)), -1);
        return value < 0 ? null : (0, value);
    }

    public static decimal Number(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    /// <summary>A cell as the page's language writes it: a decimal with its own separator (15,5 in German), without grouping, so years stay years.</summary>
    public static string Shown(string cell) =>
        decimal.TryParse(cell, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            ? number.ToString("0.##########", CultureInfo.CurrentCulture)
            : cell;
}

/// <summary>The reports the console offers, by the reporting service's name for them, and what a request for one holds.</summary>
public static class Reports
{
    public static IReadOnlyList<string> Names { get; } = ["appointments", "callbacks", "opening-hours", "events", "volunteers", "fields-of-action", "programme"];

    public static IReadOnlyList<string> Periods { get; } = ["day", "month", "quarter", "year"];

    /// <summary>The scope chosen in the form: <c>office:{id}</c>, <c>area:{name}</c> or <c>all</c>.</summary>
    public static string? ScopeQuery(string? scope)
    {
        const string office = "office:", area = "area:";
        if (scope == "all")
        {
            return string.Empty;
        }

        if (scope is not null && scope.StartsWith(office, StringComparison.Ordinal) && Guid.TryParse(scope[office.Length..], out var id))
        {
            return $"&officeId={id}";
        }

        return scope is not null && scope.StartsWith(area, StringComparison.Ordinal) && scope.Length > area.Length
            ? $"&projectArea={Uri.EscapeDataString(scope[area.Length..])}"
            : null;
    }

    /// <summary>The query of a report request as the reporting service reads it; null when the scope is not one the form offers.</summary>
    public static string? Query(string? scope, string? period, string? date) =>
        ScopeQuery(scope) is { } chosen
            ? $"{chosen}&period={Uri.EscapeDataString(period ?? "month")}{(DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? $"&date={day:yyyy-MM-dd}" : string.Empty)}"
            : null;

    /// <summary>The report's tables from its CSV export (semicolons, point decimals, an empty line between tables).</summary>
    public static IReadOnlyList<ReportTable> ReadCsv(byte[] csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var text = Encoding.UTF8.GetString(csv).TrimStart('\uFEFF');
        var tables = new List<ReportTable>();
        foreach (var block in text.Split("\r\n\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            // The framework's own CSV reader: quoted fields, separators and quotes inside them.
            using var parser = new TextFieldParser(new StringReader(block)) { Delimiters = [";"], HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
            var rows = new List<IReadOnlyList<string>>();
            while (!parser.EndOfData)
            {
                rows.Add(parser.ReadFields() ?? []);
            }

            if (rows.Count > 0)
            {
                tables.Add(new ReportTable(rows[0], rows[1..]));
            }
        }

        return tables;
    }
}
