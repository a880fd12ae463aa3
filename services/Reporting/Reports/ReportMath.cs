namespace Quartier.Reporting.Reports;

/// <summary>The arithmetic of the reports, in one place so it is tested once.</summary>
public static class ReportMath
{
    /// <summary>A share between 0 and 1 rounded to four places; null when there is nothing to divide by.</summary>
    public static decimal? Share(decimal part, decimal whole) => whole == 0 ? null : Math.Round(part / whole, 4, MidpointRounding.AwayFromZero);

    public static double? Median(IReadOnlyList<double> values) => Percentile(values, 50);

    /// <summary>
    /// The percentile by linear interpolation between the closest ranks (as PostgreSQL's
    /// percentile_cont and spreadsheets' PERCENTILE do); null without values.
    /// </summary>
    public static double? Percentile(IReadOnlyList<double> values, double percentile)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegative(percentile);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        var rank = percentile / 100 * (sorted.Length - 1);
        var lower = (int)Math.Floor(rank);
        var upper = (int)Math.Ceiling(rank);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (rank - lower));
    }
}
