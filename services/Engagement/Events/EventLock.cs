using Microsoft.EntityFrameworkCore;
using Quartier.Engagement.Data;

namespace Quartier.Engagement.Events;

public static class EventLock
{
    /// <summary>
    /// Locks the event's row until the surrounding transaction ends and loads it as it is now.
    /// Every change of seats (register, cancel, cancel the event) goes through this lock, so on any
    /// number of instances they run one after the other per event: seats are counted once, the
    /// waitlist is promoted exactly once, and arrival order is the order of taking the lock.
    /// </summary>
    public static async Task<CommunityEvent?> LockAsync(this EngagementDbContext db, Guid eventId, CancellationToken cancellationToken)
    {
        var locked = await db.Database
            .SqlQuery<Guid>($"""SELECT "Id" AS "Value" FROM "Events" WHERE "Id" = {eventId} FOR UPDATE""")
            .ToListAsync(cancellationToken);
        return locked.Count == 0 ? null : await db.Events.SingleAsync(e => e.Id == eventId, cancellationToken);
    }
}
