using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartier.Bookings.Appointments;
using Quartier.Bookings.Callbacks;
using Quartier.Bookings.Data;
using Quartier.Bookings.Diagnostics;
using Quartier.ServiceDefaults.Hosting;
using Quartier.ServiceDefaults.Privacy;

namespace Quartier.Bookings.Privacy;

/// <summary>
/// Deletes residents' names, phone numbers, e-mail addresses, topics and consent records once the
/// retention period after the appointment or callback is done has passed: the office's own
/// (<see cref="OfficeRetention"/>) or the deployment's. The appointment and callback rows stay, with
/// their times, categories and outcomes, so statistics remain.
/// </summary>
public sealed class PersonalDataPurge(BookingsDbContext db, TimeProvider time, IOptions<RetentionPeriods> retention, BookingsMetrics metrics) : IScheduledJob
{
    private const int BatchSize = 500;

    public async Task<string?> RunOnceAsync(CancellationToken cancellationToken) =>
        await PurgeAsync(cancellationToken) is var purged and > 0 ? $"deleted the personal data of {purged} finished appointments and callbacks" : null;

    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var purged = 0;
        foreach (var scope in await db.RetentionScopesAsync(RetentionKind.Appointments, retention.Value, now, cancellationToken))
        {
            purged += await PurgeInBatchesAsync(
                db.Appointments.Of(scope, a => a.OfficeId).Where(a => a.Resident != null && (a.CancelledAt ?? a.EndsAt) < scope.DoneBefore).OrderBy(a => a.Id),
                appointment => (appointment.Resident, appointment.PersonalDataPurgedAt) = (null, now),
                cancellationToken);
        }

        foreach (var scope in await db.RetentionScopesAsync(RetentionKind.Callbacks, retention.Value, now, cancellationToken))
        {
            purged += await PurgeInBatchesAsync(
                db.CallbackRequests.Of(scope, c => c.OfficeId).Where(c => c.Contact != null && (c.ClosedAt ?? c.WindowEndsAt) < scope.DoneBefore).OrderBy(c => c.Id),
                callback => (callback.Contact, callback.PersonalDataPurgedAt) = (null, now),
                cancellationToken);
        }

        metrics.PersonalDataPurged(purged);
        return purged;
    }

    /// <summary>Loads and changes the rows in batches (an owned contact is not set-based), so a long backlog never fills memory.</summary>
    private async Task<int> PurgeInBatchesAsync<T>(IQueryable<T> due, Action<T> forget, CancellationToken cancellationToken)
        where T : class
    {
        var purged = 0;
        while (true)
        {
            var batch = await due.Take(BatchSize).ToListAsync(cancellationToken);
            batch.ForEach(forget);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            purged += batch.Count;
            if (batch.Count < BatchSize)
            {
                return purged;
            }
        }
    }
}
