using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartier.Bookings.Data;
using Quartier.Bookings.Offices;
using Quartier.Contracts.Bookings;
using Quartier.ServiceDefaults.Messaging.Outbox;

namespace Quartier.Bookings.OpeningHours;

/// <summary>
/// Adds <see cref="OpeningHoursChanged"/> for today and the configured horizon to the outbox, so it
/// commits with the change. The parallel capacity is the sum of the capacities of the office's
/// appointment services: that many residents can be served at once.
/// </summary>
public sealed class OpeningHoursAnnouncer(BookingsDbContext db, TimeProvider time, IOptions<BookingsOptions> options)
{
    public async Task AnnounceAsync(BookableOffice office, OfficeSchedule schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(office);
        var now = time.GetUtcNow();
        var zone = office.Zone();
        var from = OfficeTime.LocalDate(now, zone);
        var to = from.AddDays(options.Value.AnnouncedDays);
        var intervals = EffectiveOpeningHours.Compute(schedule, office.FederalState, zone, from, to).Intervals()
            .Select(i => new OpeningInterval(i.StartsAt, i.EndsAt))
            .ToList();
        var capacity = await db.AppointmentServices
            .Where(s => s.OfficeId == office.OfficeId && s.Active)
            .SumAsync(s => s.Capacity, cancellationToken);
        db.AddIntegrationEvent(new OpeningHoursChanged(office.OfficeId, from, to, intervals, Math.Max(capacity, 1), now), time);
    }

    public async Task AnnounceAsync(BookableOffice office, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(office);
        var schedule = await db.Schedules.AsNoTracking().SingleOrDefaultAsync(s => s.OfficeId == office.OfficeId, cancellationToken)
            ?? new OfficeSchedule { OfficeId = office.OfficeId };
        await AnnounceAsync(office, schedule, cancellationToken);
    }
}
