using Quartier.Bookings.OpeningHours;
using Quartier.Bookings.Slots;

namespace Quartier.Bookings.Tests.Rules;

public sealed class SlotCalculatorTests
{
    private static readonly DateTimeOffset Nine = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly OpenInterval Morning = new(Nine, Nine.AddHours(3));

    private static SlotRules Rules(int minutes = 45, int buffer = 15, int capacity = 2, int noticeMinutes = 0, int horizonDays = 30) =>
        new(TimeSpan.FromMinutes(minutes), TimeSpan.FromMinutes(buffer), capacity, TimeSpan.FromMinutes(noticeMinutes), TimeSpan.FromDays(horizonDays));

    [Fact]
    public void Slots_follow_each_other_every_duration_plus_buffer_and_end_by_closing()
    {
        var slots = SlotCalculator.Compute([Morning], Rules(), [], Nine.AddDays(-1));

        slots.Select(s => s.StartsAt.Hour).Should().Equal(9, 10, 11);
        slots.Should().OnlyContain(s => s.FreeSeats == 2 && s.EndsAt - s.StartsAt == TimeSpan.FromMinutes(45));
    }

    [Fact]
    public void A_slot_longer_than_what_is_left_of_the_interval_is_not_offered()
    {
        var slots = SlotCalculator.Compute([new OpenInterval(Nine, Nine.AddMinutes(80))], Rules(), [], Nine.AddDays(-1));

        slots.Should().ContainSingle();
    }

    [Fact]
    public void Booked_appointments_and_their_buffers_take_seats_until_the_slot_is_full()
    {
        Occupation[] booked = [new(Nine, Nine.AddHours(1), 1), new(Nine, Nine.AddHours(1), 2), new(Nine.AddHours(1), Nine.AddHours(2), 1)];

        var slots = SlotCalculator.Compute([Morning], Rules(), booked, Nine.AddDays(-1));

        slots.Select(s => (s.StartsAt.Hour, s.FreeSeats)).Should().Equal((10, 1), (11, 2));
    }

    [Fact]
    public void An_appointment_overlapping_a_slot_only_by_its_buffer_still_takes_the_seat()
    {
        Occupation[] booked = [new(Nine.AddMinutes(-60), Nine.AddMinutes(5), 1)];

        var slots = SlotCalculator.Compute([Morning], Rules(capacity: 1), booked, Nine.AddDays(-1));

        slots.Select(s => s.StartsAt.Hour).Should().Equal(10, 11);
    }

    [Fact]
    public void Minimum_notice_and_horizon_limit_what_is_offered()
    {
        var days = Enumerable.Range(0, 10).Select(d => new OpenInterval(Nine.AddDays(d), Nine.AddDays(d).AddHours(3)));

        var slots = SlotCalculator.Compute(days, Rules(noticeMinutes: 90, horizonDays: 2), [], Nine);

        slots[0].StartsAt.Should().Be(Nine.AddHours(2));
        slots[^1].StartsAt.Should().Be(Nine.AddDays(2));
    }

    [Fact]
    public void Full_slots_are_listed_only_when_asked_for()
    {
        Occupation[] booked = [new(Nine, Nine.AddHours(1), 1)];

        SlotCalculator.Compute([Morning], Rules(capacity: 1), booked, Nine.AddDays(-1)).Should().HaveCount(2);
        SlotCalculator.Compute([Morning], Rules(capacity: 1), booked, Nine.AddDays(-1), includeFull: true)
            .Select(s => s.FreeSeats).Should().Equal(0, 1, 1);
    }

    [Fact]
    public void Free_seats_match_a_plain_count_of_overlaps_for_appointments_of_any_length()
    {
        var random = new Random(4711);
        var days = Enumerable.Range(0, 14).Select(d => new OpenInterval(Nine.AddDays(d), Nine.AddDays(d).AddHours(9))).ToList();
        var occupations = Enumerable.Range(0, 400).Select(_ =>
        {
            var start = Nine.AddDays(random.Next(14)).AddMinutes(random.Next(0, 9 * 60));
            return new Occupation(start, start.AddMinutes(random.Next(5, 180)), random.Next(1, 7));
        }).ToList();

        var slots = SlotCalculator.Compute(days, Rules(minutes: 30, buffer: 10, capacity: 6), occupations, Nine.AddDays(-1), includeFull: true);

        slots.Should().HaveCount(14 * 13);
        slots.Should().OnlyContain(slot => slot.FreeSeats == Math.Max(6 - occupations.Count(o => o.StartsAt < slot.StartsAt.AddMinutes(40) && slot.StartsAt < o.BlockedUntil), 0));
    }
}
