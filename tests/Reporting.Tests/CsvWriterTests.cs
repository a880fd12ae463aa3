using System.Text;
using FluentAssertions;
using Quartier.Reporting.Reports;

namespace Quartier.Reporting.Tests;

public sealed class CsvWriterTests
{
    [Fact]
    public void Fields_with_separators_quotes_or_line_breaks_are_quoted_and_umlauts_survive()
    {
        var csv = CsvWriter.Write([new CsvTable(["name", "value"], [["Büro; Süd", 1.5m], ["Das \"Mittelpunkt\"", null], ["zwei\nZeilen", 2]])], decimalComma: false);

        csv[..3].Should().Equal(0xEF, 0xBB, 0xBF);
        Encoding.UTF8.GetString(csv[3..]).Should().Be(
            "name;value\r\n\"Büro; Süd\";1.5\r\n\"Das \"\"Mittelpunkt\"\"\";\r\n\"zwei\nZeilen\";2\r\n");
    }

    [Fact]
    public void A_decimal_comma_changes_numbers_only()
    {
        var csv = CsvWriter.Write([new CsvTable(["text", "decimal", "double", "int"], [["1.5", 0.1639m, 76.25, 1000]])], decimalComma: true);

        Encoding.UTF8.GetString(csv[3..]).Should().Be("text;decimal;double;int\r\n1.5;0,1639;76,25;1000\r\n");
    }

    [Fact]
    public void Text_a_spreadsheet_would_run_as_a_formula_is_written_as_text_and_negative_numbers_stay_numbers()
    {
        var csv = CsvWriter.Write(
            [new CsvTable(["office", "change"], [["=HYPERLINK(\"http://example.test\")", -2.5m], ["+49 5721", -3], ["@SUM(A1)", 0], ["-Treff", 1], ["Büro-Süd", 2]])],
            decimalComma: false);

        Encoding.UTF8.GetString(csv[3..]).Should().Be(
            "office;change\r\n\"'=HYPERLINK(\"\"http://example.test\"\")\";-2.5\r\n'+49 5721;-3\r\n'@SUM(A1);0\r\n'-Treff;1\r\nBüro-Süd;2\r\n");
    }

    [Fact]
    public void Several_tables_are_separated_by_an_empty_line() =>
        Encoding.UTF8.GetString(CsvWriter.Write([new CsvTable(["a"], [[1]]), new CsvTable(["b"], [[2]])], decimalComma: false)[3..])
            .Should().Be("a\r\n1\r\n\r\nb\r\n2\r\n");
}
