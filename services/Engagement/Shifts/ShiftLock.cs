using Microsoft.EntityFrameworkCore;
using Quartier.Contracts.Engagement;
using Quartier.Engagement.Data;
using Quartier.ServiceDefaults.Messaging.Outbox;

namespace Quartier.Engagement.Shifts;

public static class ShiftLock
{
    /// <summary>Locks the shift's row until the transaction ends, so its headcount is counted by one writer at a time on any instance.</summary>
    public static async Task<Shift?> LockShiftAsync(this EngagementDbContext db, Guid shiftId, CancellationToken cancellationToken)
    {
        var locked = await db.Database
            .SqlQuery<Guid>($"""SELECT "Id" AS "Value" FROM "Shifts" WHERE "Id" = {shiftId} FOR UPDATE""")
            .ToListAsync(cancellationToken);
        return locked.Count == 0 ? null : await db.Shifts.SingleAsync(s => s.Id == shiftId, cancellationToken);
    }

    /// <summary>
    /// Locks the volunteer's row until the transaction ends: their sign-ups are made one at a time, so an
    /// overlapping one meets the other committed and is refused by the no-overlap constraint, where two
    /// checking each other's uncommitted rows would deadlock. Taken before any shift's lock, always.
    /// </summary>
    public static async Task LockVolunteerAsync(this EngagementDbContext db, Guid volunteerId, CancellationToken cancellationToken) =>
        await db.Database
            .SqlQuery<Guid>($"""SELECT "Id" AS "Value" FROM "Volunteers" WHERE "Id" = {volunteerId} FOR UPDATE""")
            .ToListAsync(cancellationToken);

    /// <summary>
    /// A volunteer who ends gives back the places in shifts still to come, each under its shift's lock;
    /// call inside a transaction. A shift that was full is announced short again, so that what was
    /// reported filled follows.
    /// </summary>
    public static async Task FreeUpcomingPlacesAsync(this EngagementDbContext db, Guid volunteerId, TimeProvider time, CancellationToken cancellationToken)
    {
        await db.LockVolunteerAsync(volunteerId, cancellationToken);
        var now = time.GetUtcNow();
        var upcoming = await db.ShiftAssignments.Where(a => a.VolunteerId == volunteerId && a.StartsAt > now).ToListAsync(cancellationToken);
        foreach (var assignment in upcoming)
        {
            if (await db.LockShiftAsync(assignment.ShiftId, cancellationToken) is { } shift)
            {
                var wasFull = shift.IsFull;
                shift.SignedUp--;
                if (wasFull)
                {
                    db.AddIntegrationEvent(new ShiftShort(shift.Id, shift.OpportunityId, shift.OfficeId, shift.StartsAt, shift.EndsAt, shift.Needed, shift.SignedUp, now), time);
                }
            }

            db.ShiftAssignments.Remove(assignment);
        }
    }
}
