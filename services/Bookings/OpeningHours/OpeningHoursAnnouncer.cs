using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartier.Bookings.Data;
using Quartier.Bookings.Offices;
using Quartier.Contracts.Bookings;
using Quartier.ServiceDefaults.Messaging.Outbox;

namespace Quartier.Bookings.OpeningHours;

/// <summary>
/// Adds <see cref="OpeningHoursChanged"/> for today and the configured horizon to the outbox, so it
/// commits with the change, and notes how far the office's hours are announced. The parallel capacity
/// is the sum of the capacities of the office's appointment services: that many residents can be served at once.
/// </summary>
public sealed class OpeningHoursAnnouncer(BookingsDbContext db, TimeProvider time, IOptions<BookingsOptions> options)
{
    public async Task AnnounceAsync(BookableOffice office, OfficeSchedule schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(office);
        var today = OfficeTime.LocalDate(time.GetUtcNow(), office.Zone());
        await AnnounceAsync(office, schedule, today, today.AddDays(options.Value.AnnouncedDays), cancellationToken);
    }

    public async Task AnnounceAsync(BookableOffice office, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(office);
        await AnnounceAsync(office, await ScheduleOfAsync(office, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Announces the days that have come within the horizon since the office's hours were last
    /// announced (nothing when none have); true when it announced any.
    /// </summary>
    public async Task<bool> ExtendAsync(BookableOffice office, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(office);
        var today = OfficeTime.LocalDate(time.GetUtcNow(), office.Zone());
        var to = today.AddDays(options.Value.AnnouncedDays);
        var from = office.HoursAnnouncedThrough is { } through && through >= today ? through.AddDays(1) : today;
        if (from > to)
        {
            return false;
        }

        await AnnounceAsync(office, await ScheduleOfAsync(office, cancellationToken), from, to, cancellationToken);
        return true;
    }

    private async Task AnnounceAsync(BookableOffice office, OfficeSchedule schedule, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var intervals = EffectiveOpeningHours.For(office, schedule, from, to).Intervals()
            .Select(i => new OpeningInterval(i.StartsAt, i.EndsAt))
            .ToList();
        var capacity = await db.AppointmentServices
            .Where(s => s.OfficeId == office.OfficeId && s.Active)
            .SumAsync(s => s.Capacity, cancellationToken);
        db.AddIntegrationEvent(new OpeningHoursChanged(office.OfficeId, from, to, intervals, Math.Max(capacity, 1), time.GetUtcNow()), time);

        // Saved with the announcement: the office as loaded may not be tracked (read without tracking).
        var tracked = db.Offices.Local.FirstOrDefault(o => o.OfficeId == office.OfficeId) ?? db.Offices.Attach(office).Entity;
        tracked.HoursAnnouncedThrough = to;
    }

    /// <summary>
    /// An office that closed for good takes back what it announced from the day it closed on, so that
    /// nothing counts hours it will not offer.
    /// </summary>
    public async Task WithdrawAfterClosureAsync(BookableOffice office, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(office);
        if (office is not { ClosedAt: { } closedAt, HoursAnnouncedThrough: { } through })
        {
            return;
        }

        var closedOn = OfficeTime.LocalDate(closedAt, office.Zone());
        if (through >= closedOn)
        {
            await AnnounceAsync(office, await ScheduleOfAsync(office, cancellationToken), closedOn, through, cancellationToken);
        }
    }

    private async Task<OfficeSchedule> ScheduleOfAsync(BookableOffice office, CancellationToken cancellationToken) =>
        await db.Schedules.AsNoTracking().SingleOrDefaultAsync(s => s.OfficeId == office.OfficeId, cancellationToken)
            ?? new OfficeSchedule { OfficeId = office.OfficeId };
}
