using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartier.Bookings.Data;
using Quartier.ServiceDefaults.Hosting;

namespace Quartier.Bookings.OpeningHours;

/// <summary>
/// Keeps the announced opening hours a full horizon ahead: each day that comes within
/// today + <see cref="BookingsOptions.AnnouncedDays"/> is announced, so Reporting knows the offered
/// hours of every date without a staff edit. Offices are claimed with <c>FOR UPDATE SKIP LOCKED</c>,
/// so several instances never announce one office's days twice.
/// </summary>
public sealed class OpeningHoursHorizon(BookingsDbContext db, OpeningHoursAnnouncer announcer, TimeProvider time, IOptions<BookingsOptions> options) : IScheduledJob
{
    private const int BatchSize = 200;

    public async Task<string?> RunOnceAsync(CancellationToken cancellationToken) =>
        await ExtendAsync(cancellationToken) is var extended and > 0 ? $"announced the opening hours of {extended} offices further ahead" : null;

    public async Task<int> ExtendAsync(CancellationToken cancellationToken)
    {
        // Every office's local today is at most a day ahead of UTC's; the announcer decides exactly.
        var behind = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(options.Value.AnnouncedDays + 1);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var offices = await db.Offices
            .FromSql($"""
                SELECT * FROM "Offices"
                WHERE "ClosedAt" IS NULL AND "HoursAnnouncedThrough" < {behind}
                ORDER BY "HoursAnnouncedThrough"
                LIMIT {BatchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);
        var extended = 0;
        foreach (var office in offices)
        {
            extended += await announcer.ExtendAsync(office, cancellationToken) ? 1 : 0;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return extended;
    }
}
