using System.Globalization;
using System.Text;

namespace Quartier.Reporting.Reports;

/// <summary>One table of a CSV export; a report may export several, separated by an empty line.</summary>
public sealed record CsvTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>A report that can be exported to CSV as well as answered in JSON.</summary>
public interface ITabularReport
{
    ReportHeader Header { get; }

    IReadOnlyList<CsvTable> ToCsv();
}

/// <summary>
/// CSV that German spreadsheet programs open as intended: UTF-8 with BOM (umlauts), semicolons
/// (the comma is their decimal separator), CRLF lines, fields quoted when they hold a separator,
/// quote or line break, and optionally a decimal comma. Text that a spreadsheet would run as a
/// formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return; an office
/// or event name is free text) is written with a leading apostrophe, so it shows as text.
/// </summary>
public static class CsvWriter
{
    private const char Separator = ';';

    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static byte[] Write(IReadOnlyList<CsvTable> tables, bool decimalComma)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var text = new StringBuilder();
        foreach (var table in tables)
        {
            if (text.Length > 0)
            {
                text.Append("\r\n");
            }

            AppendLine(text, table.Columns, decimalComma);
            foreach (var row in table.Rows)
            {
                AppendLine(text, row, decimalComma);
            }
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static void AppendLine<T>(StringBuilder text, IReadOnlyList<T> cells, bool decimalComma)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                text.Append(Separator);
            }

            text.Append(Quote(Format(cells[i], decimalComma)));
        }

        text.Append("\r\n");
    }

    public static string Format(object? value, bool decimalComma)
    {
        var formatted = value switch
        {
            null => "",
            decimal number => number.ToString("0.####", CultureInfo.InvariantCulture),
            double number => number.ToString("0.####", CultureInfo.InvariantCulture),
            DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTimeOffset instant => instant.ToString("O", CultureInfo.InvariantCulture),
            bool flag => flag ? "yes" : "no",
            string text when text.Length > 0 && FormulaStarts.Contains(text[0]) => "'" + text,
            IFormattable other => other.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return decimalComma && value is decimal or double ? formatted.Replace('.', ',') : formatted;
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny([Separator, '"', '\r', '\n']) >= 0 || field.StartsWith(' ') || field.EndsWith(' ')
            ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : field;
}
