using Microsoft.EntityFrameworkCore;
using Quartier.Bookings.AppointmentServices;
using Quartier.Bookings.Appointments;
using Quartier.Bookings.Data;
using Quartier.Bookings.Offices;
using Quartier.Bookings.OpeningHours;

namespace Quartier.Bookings.Slots;

/// <summary>Loads what slot computation needs for one service and local date range, and computes the slots.</summary>
public sealed class SlotFinder(BookingsDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<Slot>> FindAsync(
        BookableOffice office, AppointmentService service, DateOnly from, DateOnly to, bool includeFull, Guid? ignoring, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(office);
        ArgumentNullException.ThrowIfNull(service);
        var schedule = await db.Schedules.AsNoTracking().SingleOrDefaultAsync(s => s.OfficeId == office.OfficeId, cancellationToken)
            ?? new OfficeSchedule { OfficeId = office.OfficeId };
        var intervals = EffectiveOpeningHours.Compute(schedule, office.FederalState, office.Zone(), from, to).Intervals().ToList();
        if (intervals.Count == 0)
        {
            return [];
        }

        var rangeStart = intervals[0].StartsAt;
        var rangeEnd = intervals[^1].EndsAt + service.BufferAfter;
        var occupations = await db.Appointments.AsNoTracking()
            .Where(a => a.ServiceId == service.Id && a.Status != AppointmentStatus.Cancelled
                && a.StartsAt < rangeEnd && a.BlockedUntil > rangeStart && a.Id != ignoring)
            .Select(a => new Occupation(a.StartsAt, a.BlockedUntil))
            .ToListAsync(cancellationToken);
        var rules = new SlotRules(service.Duration, service.BufferAfter, service.Capacity,
            TimeSpan.FromMinutes(service.MinimumNoticeMinutes), TimeSpan.FromDays(service.BookingHorizonDays));
        return SlotCalculator.Compute(intervals, rules, occupations, time.GetUtcNow(), includeFull);
    }

    /// <summary>Free slots near a wanted time, the closest first: what a resident who lost a race is offered instead.</summary>
    public async Task<IReadOnlyList<SlotResponse>> AlternativesAsync(
        BookableOffice office, AppointmentService service, DateTimeOffset wanted, Guid? ignoring, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(office);
        var zone = office.Zone();
        var day = OfficeTime.LocalDate(wanted, zone);
        var slots = await FindAsync(office, service, day.AddDays(-3), day.AddDays(7), includeFull: false, ignoring, cancellationToken);
        return [.. slots
            .Where(s => s.StartsAt != wanted)
            .OrderBy(s => (s.StartsAt - wanted).Duration())
            .Take(5)
            .OrderBy(s => s.StartsAt)
            .Select(s => SlotResponse.From(s, zone))];
    }
}

public sealed record SlotResponse(DateTimeOffset StartsAt, DateTimeOffset EndsAt, int FreeSeats)
{
    public static SlotResponse From(Slot slot, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(slot);
        return new(OfficeTime.InOfficeTime(slot.StartsAt, zone), OfficeTime.InOfficeTime(slot.EndsAt, zone), slot.FreeSeats);
    }
}
