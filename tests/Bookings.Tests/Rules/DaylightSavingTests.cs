using Quartier.Bookings.OpeningHours;
using Quartier.Bookings.Slots;

namespace Quartier.Bookings.Tests.Rules;

/// <summary>Europe/Berlin: clocks go forward at 02:00 on 29 March 2026 and back at 03:00 on 25 October 2026.</summary>
public sealed class DaylightSavingTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static OfficeSchedule EveryDay(TimeOnly opens, TimeOnly closes) => new()
    {
        Plans = [new WeeklyPlan(new DateOnly(2026, 1, 1), [.. Enum.GetValues<DayOfWeek>().Select(day => new WeeklyInterval(day, opens, closes))])],
    };

    [Fact]
    public void An_interval_across_the_spring_gap_lasts_one_hour()
    {
        var day = EffectiveOpeningHours.Compute(EveryDay(new(1, 30), new(3, 30)), "DE-NI", Berlin, new(2026, 3, 29), new(2026, 3, 29)).Single();

        day.Intervals.Should().Equal(new OpenInterval(Utc(2026, 3, 29, 0, 30), Utc(2026, 3, 29, 1, 30)));
    }

    [Fact]
    public void An_interval_across_the_autumn_repeat_lasts_three_hours()
    {
        var day = EffectiveOpeningHours.Compute(EveryDay(new(1, 30), new(3, 30)), "DE-NI", Berlin, new(2026, 10, 25), new(2026, 10, 25)).Single();

        day.Intervals.Should().Equal(new OpenInterval(Utc(2026, 10, 24, 23, 30), Utc(2026, 10, 25, 2, 30)));
    }

    [Fact]
    public void Adjacent_intervals_around_the_repeated_hour_never_overlap_and_add_up_to_the_wall_clock_hours()
    {
        var schedule = new OfficeSchedule
        {
            Plans = [new WeeklyPlan(new DateOnly(2026, 1, 1), [new WeeklyInterval(DayOfWeek.Sunday, new(1, 0), new(2, 0)), new WeeklyInterval(DayOfWeek.Sunday, new(2, 0), new(3, 0))])],
        };

        var autumn = EffectiveOpeningHours.Compute(schedule, "DE-NI", Berlin, new(2026, 10, 25), new(2026, 10, 25)).Single().Intervals;
        var spring = EffectiveOpeningHours.Compute(schedule, "DE-NI", Berlin, new(2026, 3, 29), new(2026, 3, 29)).Single().Intervals;

        autumn.Should().Equal(
            new OpenInterval(Utc(2026, 10, 24, 23, 0), Utc(2026, 10, 25, 1, 0)),
            new OpenInterval(Utc(2026, 10, 25, 1, 0), Utc(2026, 10, 25, 2, 0)));
        autumn.Sum(i => (i.EndsAt - i.StartsAt).TotalHours).Should().Be(3, "01:00 to 03:00 on the wall clock lasts three hours that day");
        spring.Sum(i => (i.EndsAt - i.StartsAt).TotalHours).Should().Be(1, "and one hour in spring");
    }

    [Fact]
    public void A_time_the_clock_skips_opens_when_a_clock_not_put_forward_would_show_it()
    {
        OfficeTime.Opening(new(2026, 3, 29), new(2, 30), Berlin).Should().Be(Utc(2026, 3, 29, 1, 30));
    }

    [Fact]
    public void A_repeated_time_opens_at_its_first_and_closes_at_its_second_occurrence()
    {
        OfficeTime.Opening(new(2026, 10, 25), new(2, 30), Berlin).Should().Be(Utc(2026, 10, 25, 0, 30));
        OfficeTime.Closing(new(2026, 10, 25), new(2, 30), Berlin).Should().Be(Utc(2026, 10, 25, 1, 30));
    }

    [Fact]
    public void The_days_of_the_spring_DST_week_keep_their_wall_clock_hours()
    {
        var week = EffectiveOpeningHours.Compute(EveryDay(new(11, 0), new(14, 0)), "DE-NI", Berlin, new(2026, 3, 28), new(2026, 3, 30));

        week.Select(d => d.Intervals.Single()).Should().Equal(
            new OpenInterval(Utc(2026, 3, 28, 10, 0), Utc(2026, 3, 28, 13, 0)),
            new OpenInterval(Utc(2026, 3, 29, 9, 0), Utc(2026, 3, 29, 12, 0)),
            new OpenInterval(Utc(2026, 3, 30, 9, 0), Utc(2026, 3, 30, 12, 0)));
    }

    [Fact]
    public void Slots_follow_the_real_length_of_the_DST_days()
    {
        var rules = new SlotRules(TimeSpan.FromMinutes(30), TimeSpan.Zero, 1, TimeSpan.Zero, TimeSpan.FromDays(400));
        var schedule = EveryDay(new(1, 30), new(3, 30));
        var now = Utc(2026, 3, 1, 0, 0);

        var spring = SlotCalculator.Compute(EffectiveOpeningHours.Compute(schedule, "DE-NI", Berlin, new(2026, 3, 29), new(2026, 3, 29)).Intervals(), rules, [], now);
        var autumn = SlotCalculator.Compute(EffectiveOpeningHours.Compute(schedule, "DE-NI", Berlin, new(2026, 10, 25), new(2026, 10, 25)).Intervals(), rules, [], now);

        spring.Should().HaveCount(2);
        autumn.Should().HaveCount(6);
        autumn.Select(s => TimeZoneInfo.ConvertTime(s.StartsAt, Berlin).ToString("HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture)).Should().Equal(
            "01:30 +02:00", "02:00 +02:00", "02:30 +02:00", "02:00 +01:00", "02:30 +01:00", "03:00 +01:00");
    }

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
