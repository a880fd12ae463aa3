using Quartier.Bookings.OpeningHours;

namespace Quartier.Bookings.Slots;

/// <summary>How a service cuts opening hours into slots.</summary>
public sealed record SlotRules(TimeSpan Duration, TimeSpan BufferAfter, int Capacity, TimeSpan MinimumNotice, TimeSpan Horizon);

/// <summary>A seat taken from the appointment's start until its end plus the buffer after it.</summary>
public sealed record Occupation(DateTimeOffset StartsAt, DateTimeOffset BlockedUntil, int Seat);

public sealed record Slot(DateTimeOffset StartsAt, DateTimeOffset EndsAt, int FreeSeats);

/// <summary>
/// Pure slot computation. Slots start at the opening of each interval and follow each other every
/// duration + buffer; a slot must end (without its buffer) by the interval's close. A slot's free
/// seats are the capacity minus the appointments whose blocked time overlaps the slot's blocked time.
/// Slots starting before now + minimum notice or after now + horizon are not offered.
/// </summary>
public static class SlotCalculator
{
    public static IReadOnlyList<Slot> Compute(
        IEnumerable<OpenInterval> openIntervals,
        SlotRules rules,
        IReadOnlyList<Occupation> occupations,
        DateTimeOffset now,
        bool includeFull = false)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(occupations);
        var earliest = now + rules.MinimumNotice;
        var latest = now + rules.Horizon;
        var step = rules.Duration + rules.BufferAfter;
        var byStart = occupations.OrderBy(o => o.StartsAt).ToList();
        var next = 0;

        // Occupations that began before the current slot's blocked time ends, by when they end: those
        // ended by the slot's start can never overlap a later slot, so each is added and removed once.
        var active = new PriorityQueue<Occupation, DateTimeOffset>();
        var slots = new List<Slot>();
        foreach (var interval in openIntervals.OrderBy(i => i.StartsAt))
        {
            for (var start = interval.StartsAt; start + rules.Duration <= interval.EndsAt; start += step)
            {
                if (start < earliest)
                {
                    continue;
                }

                if (start > latest)
                {
                    return slots;
                }

                var blockedUntil = start + step;
                for (; next < byStart.Count && byStart[next].StartsAt < blockedUntil; next++)
                {
                    active.Enqueue(byStart[next], byStart[next].BlockedUntil);
                }

                while (active.TryPeek(out _, out var endsAt) && endsAt <= start)
                {
                    active.Dequeue();
                }

                var free = Math.Max(rules.Capacity - active.Count, 0);
                if (free > 0 || includeFull)
                {
                    slots.Add(new Slot(start, start + rules.Duration, free));
                }
            }
        }

        return slots;
    }
}
