using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartier.Bookings.Appointments;
using Quartier.Bookings.Callbacks;
using Quartier.Bookings.Data;
using Quartier.Bookings.Diagnostics;
using Quartier.ServiceDefaults.Hosting;

namespace Quartier.Bookings.Privacy;

/// <summary>
/// Deletes residents' names, phone numbers, e-mail addresses, topics and consent records once the
/// retention period after the appointment or callback is done has passed. The appointment and
/// callback rows stay, with their times, categories and outcomes, so statistics remain.
/// </summary>
public sealed class PersonalDataPurge(BookingsDbContext db, TimeProvider time, IOptions<BookingsOptions> options, BookingsMetrics metrics) : IScheduledJob
{
    private const int BatchSize = 500;

    public async Task<string?> RunOnceAsync(CancellationToken cancellationToken) =>
        await PurgeAsync(cancellationToken) is var purged and > 0 ? $"deleted the personal data of {purged} finished appointments and callbacks" : null;

    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var doneBefore = now - options.Value.PersonalDataRetention;
        var purged = 0;
        while (true)
        {
            var appointments = await db.Appointments
                .Where(a => a.Resident != null && (a.CancelledAt ?? a.EndsAt) < doneBefore)
                .OrderBy(a => a.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            var callbacks = await db.CallbackRequests
                .Where(c => c.Contact != null && (c.ClosedAt ?? c.WindowEndsAt) < doneBefore)
                .OrderBy(c => c.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            foreach (var appointment in appointments)
            {
                appointment.Resident = null;
                appointment.PersonalDataPurgedAt = now;
            }

            foreach (var callback in callbacks)
            {
                callback.Contact = null;
                callback.PersonalDataPurgedAt = now;
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            purged += appointments.Count + callbacks.Count;
            if (appointments.Count < BatchSize && callbacks.Count < BatchSize)
            {
                break;
            }
        }

        metrics.PersonalDataPurged(purged);
        return purged;
    }
}
