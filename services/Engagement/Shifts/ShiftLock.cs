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
}
