using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Quartier.Contracts.Staff;
using Quartier.ServiceDefaults.Messaging.Outbox;

namespace Quartier.ServiceDefaults.Security;

public static class PersonalDataReads
{
    /// <summary>
    /// Records that <paramref name="reader"/> was shown the personal data of <paramref name="recordIds"/>:
    /// an event through the outbox to the identity service's access record, committed before the answer
    /// leaves, so no read goes unrecorded. Never the data itself.
    /// </summary>
    public static async Task RecordPersonalDataReadAsync(
        this DbContext db, ClaimsPrincipal reader, Guid? officeId, string purpose, IReadOnlyCollection<Guid> recordIds, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(recordIds);
        if (recordIds.Count == 0)
        {
            return;
        }

        var service = db.GetType().Assembly.GetName().Name!.ToLowerInvariant();
        var now = time.GetUtcNow();
        db.AddIntegrationEvent(new PersonalDataRead(
            Guid.CreateVersion7(now), reader.FindFirstValue(StaffClaims.Subject) ?? "unknown", service, officeId, purpose, [.. recordIds], now), time);
        await db.SaveChangesAsync(cancellationToken);
    }
}
