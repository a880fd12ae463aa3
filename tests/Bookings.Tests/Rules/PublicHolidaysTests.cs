using Quartier.Bookings.Holidays;

namespace Quartier.Bookings.Tests.Rules;

public sealed class PublicHolidaysTests
{
    [Theory]
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    public void Easter_Sunday_is_computed_for_any_year(int year, int month, int day) =>
        PublicHolidays.EasterSunday(year).Should().Be(new DateOnly(year, month, day));

    [Fact]
    public void Bavaria_2026_has_Epiphany_Corpus_Christi_and_All_Saints_but_no_Reformation_Day()
    {
        var holidays = PublicHolidays.For(2026, "DE-BY").Select(h => h.Date).ToList();

        holidays.Should().Equal(
            new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 6), new DateOnly(2026, 4, 3), new DateOnly(2026, 4, 6),
            new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 14), new DateOnly(2026, 5, 25), new DateOnly(2026, 6, 4),
            new DateOnly(2026, 10, 3), new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 26));
    }

    [Fact]
    public void Lower_Saxony_2026_has_Reformation_Day_and_the_Easter_based_holidays()
    {
        var holidays = PublicHolidays.For(2026, "DE-NI");

        holidays.Select(h => (h.Date, h.Name)).Should().Equal(
            (new DateOnly(2026, 1, 1), "Neujahr"),
            (new DateOnly(2026, 4, 3), "Karfreitag"),
            (new DateOnly(2026, 4, 6), "Ostermontag"),
            (new DateOnly(2026, 5, 1), "Tag der Arbeit"),
            (new DateOnly(2026, 5, 14), "Christi Himmelfahrt"),
            (new DateOnly(2026, 5, 25), "Pfingstmontag"),
            (new DateOnly(2026, 10, 3), "Tag der Deutschen Einheit"),
            (new DateOnly(2026, 10, 31), "Reformationstag"),
            (new DateOnly(2026, 12, 25), "1. Weihnachtstag"),
            (new DateOnly(2026, 12, 26), "2. Weihnachtstag"));
    }

    [Theory]
    [InlineData(2024, 20)]
    [InlineData(2025, 19)]
    [InlineData(2026, 18)]
    [InlineData(2027, 17)]
    public void Saxony_keeps_the_Day_of_Prayer_and_Repentance_on_the_Wednesday_before_23_November(int year, int day)
    {
        PublicHolidays.NameOf(new DateOnly(year, 11, day), "DE-SN").Should().Be("Buß- und Bettag");
        PublicHolidays.NameOf(new DateOnly(year, 11, day), "DE-TH").Should().BeNull();
    }

    [Theory]
    [InlineData("DE-TH", "DE-SN", 9, 20, "Weltkindertag")]
    [InlineData("DE-BE", "DE-BB", 3, 8, "Internationaler Frauentag")]
    [InlineData("DE-MV", "DE-SH", 3, 8, "Internationaler Frauentag")]
    [InlineData("DE-SL", "DE-BY", 8, 15, "Mariä Himmelfahrt")]
    [InlineData("DE-ST", "DE-SN", 1, 6, "Heilige Drei Könige")]
    [InlineData("DE-HH", "DE-NW", 10, 31, "Reformationstag")]
    [InlineData("DE-NW", "DE-NI", 11, 1, "Allerheiligen")]
    public void State_specific_holidays_apply_in_their_states_only(string state, string otherState, int month, int day, string name)
    {
        var date = new DateOnly(2026, month, day);

        PublicHolidays.NameOf(date, state).Should().Be(name);
        PublicHolidays.NameOf(date, otherState).Should().BeNull();
    }

    [Fact]
    public void Reformation_Day_came_to_the_northern_states_in_2018_and_was_national_in_2017()
    {
        PublicHolidays.NameOf(new DateOnly(2016, 10, 31), "DE-NI").Should().BeNull();
        PublicHolidays.NameOf(new DateOnly(2017, 10, 31), "DE-BY").Should().Be("Reformationstag");
        PublicHolidays.NameOf(new DateOnly(2018, 10, 31), "DE-NI").Should().Be("Reformationstag");
        PublicHolidays.NameOf(new DateOnly(2018, 10, 31), "DE-BY").Should().BeNull();
    }

    [Fact]
    public void Corpus_Christi_is_sixty_days_after_Easter_in_Hesse_and_not_in_Thuringia_statewide()
    {
        PublicHolidays.NameOf(new DateOnly(2027, 5, 27), "DE-HE").Should().Be("Fronleichnam");
        PublicHolidays.NameOf(new DateOnly(2027, 5, 27), "DE-TH").Should().BeNull();
    }
}
