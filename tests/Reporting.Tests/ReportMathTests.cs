using FluentAssertions;
using Quartier.Reporting.Reports;

namespace Quartier.Reporting.Tests;

public sealed class ReportMathTests
{
    [Theory]
    [InlineData(new double[] { 5 }, 5)]
    [InlineData(new double[] { 90, 5, 20 }, 20)]
    [InlineData(new double[] { 1, 2, 3, 4 }, 2.5)]
    [InlineData(new double[] { -10, 10 }, 0)]
    public void The_median_is_the_middle_value_or_the_mean_of_the_two_middle_ones(double[] values, double median) =>
        ReportMath.Median(values).Should().Be(median);

    [Fact]
    public void The_90th_percentile_interpolates_between_the_closest_ranks()
    {
        ReportMath.Percentile([5, 20, 90], 90).Should().BeApproximately(76, 1e-9);
        ReportMath.Percentile([.. Enumerable.Range(1, 11).Select(i => (double)i)], 90).Should().Be(10);
        ReportMath.Percentile([7], 90).Should().Be(7);
    }

    [Fact]
    public void Without_values_there_is_no_median_or_percentile()
    {
        ReportMath.Median([]).Should().BeNull();
        ReportMath.Percentile([], 90).Should().BeNull();
    }

    [Theory]
    [InlineData(59, 360, 0.1639)]
    [InlineData(360, 360, 1)]
    [InlineData(400, 360, 1.1111)]
    [InlineData(2, 3, 0.6667)]
    [InlineData(0, 5, 0)]
    public void Shares_such_as_utilisation_and_attendance_rate_are_rounded_to_four_places(int part, int whole, double share) =>
        ReportMath.Share(part, whole).Should().Be((decimal)share);

    [Fact]
    public void A_share_of_nothing_is_not_zero_but_unknown() =>
        ReportMath.Share(0, 0).Should().BeNull();

    [Theory]
    [InlineData(PeriodKind.Day, "2026-03-29", "2026-03-29", "2026-03-29")]
    [InlineData(PeriodKind.Month, "2026-02-14", "2026-02-01", "2026-02-28")]
    [InlineData(PeriodKind.Quarter, "2026-08-31", "2026-07-01", "2026-09-30")]
    [InlineData(PeriodKind.Year, "2026-12-31", "2026-01-01", "2026-12-31")]
    public void A_period_is_the_calendar_day_month_quarter_or_year_around_a_date(PeriodKind kind, string date, string from, string to) =>
        ReportPeriod.Containing(kind, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture))
            .Should().Be(new ReportPeriod(kind, DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Instants_fall_on_the_local_date_in_Berlin_across_daylight_saving()
    {
        BerlinTime.DateOf(new DateTimeOffset(2026, 3, 31, 22, 30, 0, TimeSpan.Zero)).Should().Be(new DateOnly(2026, 4, 1), "00:30 summer time");
        BerlinTime.DateOf(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero)).Should().Be(new DateOnly(2027, 1, 1), "00:30 winter time");
        BerlinTime.DateOf(new DateTimeOffset(2026, 3, 28, 22, 59, 0, TimeSpan.Zero)).Should().Be(new DateOnly(2026, 3, 28));
    }
}
