namespace Quartier.Engagement.Registrations;

/// <summary>Which waiting registrations move up when seats become free.</summary>
public static class Waitlist
{
    /// <summary>
    /// Walks the waitlist in arrival order and promotes every registration that fits into the seats
    /// still free; a group too large for them keeps its place and the ones behind it may move up.
    /// So after a promotion no waiting registration fits, and a newcomer who fits takes no seat
    /// from anyone waiting.
    /// </summary>
    public static IReadOnlyList<Registration> ToPromote(int freeSeats, IEnumerable<Registration> waitingInArrivalOrder)
    {
        ArgumentNullException.ThrowIfNull(waitingInArrivalOrder);
        var promoted = new List<Registration>();
        foreach (var waiting in waitingInArrivalOrder)
        {
            if (waiting.People <= freeSeats)
            {
                promoted.Add(waiting);
                freeSeats -= waiting.People;
            }
        }

        return promoted;
    }
}
