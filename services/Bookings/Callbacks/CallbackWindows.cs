using Quartier.Bookings.OpeningHours;

namespace Quartier.Bookings.Callbacks;

public sealed record CallbackWindow(DateTimeOffset StartsAt, DateTimeOffset EndsAt, int FreePlaces);

/// <summary>
/// Pure computation of callback windows: each opening interval is cut into consecutive windows of the
/// configured length (a shorter rest at the end is dropped). A window is offered while it starts at
/// least the minimum notice from now and within the horizon, and has a free place.
/// </summary>
public static class CallbackWindows
{
    public static IReadOnlyList<CallbackWindow> Compute(
        IEnumerable<OpenInterval> openIntervals,
        TimeSpan windowLength,
        int capacity,
        IReadOnlyDictionary<DateTimeOffset, int> takenByWindowStart,
        DateTimeOffset now,
        TimeSpan minimumNotice,
        TimeSpan horizon,
        bool includeFull = false)
    {
        ArgumentNullException.ThrowIfNull(takenByWindowStart);
        var windows = new List<CallbackWindow>();
        foreach (var interval in openIntervals.OrderBy(i => i.StartsAt))
        {
            for (var start = interval.StartsAt; start + windowLength <= interval.EndsAt; start += windowLength)
            {
                if (start < now + minimumNotice || start > now + horizon)
                {
                    continue;
                }

                var free = Math.Max(capacity - takenByWindowStart.GetValueOrDefault(start), 0);
                if (free > 0 || includeFull)
                {
                    windows.Add(new CallbackWindow(start, start + windowLength, free));
                }
            }
        }

        return windows;
    }
}
