using Microsoft.EntityFrameworkCore;
using Quartier.Engagement.Data;

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
    /// A volunteer who ends gives back the places in shifts still to come, each under its shift's lock;
    /// call inside a transaction. The shortage monitor announces a shift that is short again.
    /// </summary>
    public static async Task FreeUpcomingPlacesAsync(this EngagementDbContext db, Guid volunteerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var upcoming = await db.ShiftAssignments.Where(a => a.VolunteerId == volunteerId && a.StartsAt > now).ToListAsync(cancellationToken);
        foreach (var assignment in upcoming)
        {
            if (await db.LockShiftAsync(assignment.ShiftId, cancellationToken) is { } shift)
            {
                shift.SignedUp--;
            }

            db.ShiftAssignments.Remove(assignment);
        }
    }
}
