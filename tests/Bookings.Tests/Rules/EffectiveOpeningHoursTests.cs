using Quartier.Bookings.OpeningHours;

namespace Quartier.Bookings.Tests.Rules;

public sealed class EffectiveOpeningHoursTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>The real plan of the Stadtteilbüro Südstadt in Leinefelde-Worbis (Thuringia).</summary>
    private static WeeklyPlan Suedstadt(DateOnly from) => new(from,
    [
        new(DayOfWeek.Monday, new(11, 0), new(14, 0)),
        new(DayOfWeek.Tuesday, new(15, 0), new(18, 0)),
        new(DayOfWeek.Wednesday, new(8, 0), new(11, 0)),
        new(DayOfWeek.Thursday, new(15, 0), new(18, 0)),
    ]);

    [Fact]
    public void A_week_follows_the_plan_and_is_closed_on_Friday_and_the_weekend()
    {
        var schedule = new OfficeSchedule { Plans = [Suedstadt(new(2026, 1, 1))] };

        var week = EffectiveOpeningHours.Compute(schedule, "DE-TH", Berlin, new(2026, 11, 23), new(2026, 11, 29));

        week.Select(d => d.LocalIntervals.Select(i => $"{i.Opens:HH\\:mm}-{i.Closes:HH\\:mm}").SingleOrDefault()).Should().Equal(
            "11:00-14:00", "15:00-18:00", "08:00-11:00", "15:00-18:00", null, null, null);
    }

    [Fact]
    public void A_holiday_of_the_state_closes_the_office_and_says_why()
    {
        var schedule = new OfficeSchedule { Plans = [Suedstadt(new(2026, 1, 1))] };

        // Reformation Day 2027 is a Sunday; Whit Monday 17 May 2027 is a Monday.
        var day = EffectiveOpeningHours.Compute(schedule, "DE-TH", Berlin, new(2027, 5, 17), new(2027, 5, 17)).Single();

        day.Intervals.Should().BeEmpty();
        day.Holiday.Should().Be("Pfingstmontag");
    }

    [Fact]
    public void A_new_plan_applies_from_its_date_exceptions_win_and_closures_close()
    {
        var schedule = new OfficeSchedule
        {
            Plans =
            [
                Suedstadt(new(2026, 1, 1)),
                new WeeklyPlan(new(2026, 12, 1), [new(DayOfWeek.Monday, new(9, 0), new(12, 0)), new(DayOfWeek.Monday, new(13, 0), new(16, 0))]),
            ],
            Exceptions = [new SpecialDay(new(2026, 12, 14), [new(new(10, 0), new(11, 0))], "Stadtteilfest")],
            Closures = [new ClosurePeriod(Guid.NewGuid(), new(2026, 12, 21), new(2026, 12, 31), "Betriebsferien")],
        };

        var mondays = EffectiveOpeningHours.Compute(schedule, "DE-TH", Berlin, new(2026, 11, 30), new(2026, 12, 21))
            .Where(d => d.Date.DayOfWeek == DayOfWeek.Monday)
            .ToList();

        mondays.Select(d => d.LocalIntervals.Count).Should().Equal(1, 2, 1, 0);
        mondays[2].IsException.Should().BeTrue();
        mondays[3].ClosureReason.Should().Be("Betriebsferien");
    }
}
