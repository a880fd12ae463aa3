using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Quartier.Bookings.AppointmentServices;
using Quartier.Bookings.Appointments;
using Quartier.Bookings.Data;
using Quartier.Bookings.Offices;
using Quartier.Bookings.OpeningHours;
using Quartier.ServiceDefaults.Persistence;

namespace Quartier.Bookings.Slots;

/// <summary>What slots are cut from: an active appointment service, its office and the office's opening hours.</summary>
public sealed record SlotSource(AppointmentService Service, BookableOffice Office, OfficeSchedule Schedule);

/// <summary>Loads what slot computation needs for one service and local date range, and computes the slots.</summary>
public sealed class SlotFinder(BookingsDbContext db, SlotSourceCache sources, TimeProvider time)
{
    /// <summary>How many free slots a resident who lost a race is offered.</summary>
    private const int Alternatives = 5;

    // Compiled once: every booking runs both, and EF would otherwise look each up in its query cache
    // by comparing expression trees on every call.
    private static readonly Func<BookingsDbContext, Guid, CancellationToken, Task<SlotSource?>> SourceOf = EF.CompileAsyncQuery(
        (BookingsDbContext db, Guid serviceId, CancellationToken _) =>
            (from service in db.AppointmentServices.AsNoTracking()
             where service.Id == serviceId && service.Active
             join office in db.Offices.AsNoTracking() on service.OfficeId equals office.OfficeId
             join schedule in db.Schedules.AsNoTracking() on office.OfficeId equals schedule.OfficeId into schedules
             from schedule in schedules.DefaultIfEmpty()
             select new SlotSource(service, office, schedule ?? new OfficeSchedule { OfficeId = office.OfficeId }))
            .SingleOrDefault());

    private static readonly Func<BookingsDbContext, Guid, DateTimeOffset, DateTimeOffset, DateTimeOffset, Guid?, IAsyncEnumerable<Occupation>> OccupationsOf = EF.CompileAsyncQuery(
        (BookingsDbContext db, Guid serviceId, DateTimeOffset earliestStart, DateTimeOffset rangeStart, DateTimeOffset rangeEnd, Guid? ignoring) =>
            db.Appointments.AsNoTracking()
                .Where(a => a.ServiceId == serviceId && a.Status != AppointmentStatus.Cancelled
                    && a.StartsAt > earliestStart && a.StartsAt < rangeEnd && a.BlockedUntil > rangeStart && a.Id != ignoring)
                .Select(a => new Occupation(a.StartsAt, a.BlockedUntil, a.Seat)));

    private const string FreeSeatsSql = """
        SELECT "Seat" FROM "Appointments"
        WHERE "ServiceId" = $1 AND "Status" <> 'Cancelled'
          AND tstzrange("StartsAt", "BlockedUntil") && tstzrange($2, $3) AND "Id" IS DISTINCT FROM $4
        """;

    /// <summary>The service (if active), its office and schedule in one round trip; null when the service is unknown or inactive.</summary>
    public Task<SlotSource?> FindSourceAsync(Guid serviceId, CancellationToken cancellationToken) =>
        sources.GetAsync(serviceId, (id, token) => SourceOf(db, id, token), cancellationToken);

    public async Task<IReadOnlyList<Slot>> FindAsync(SlotSource source, DateOnly from, DateOnly to, bool includeFull, Guid? ignoring, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var intervals = OpenIntervals(source, from, to);
        if (intervals.Count == 0)
        {
            return [];
        }

        var rangeStart = intervals[0].StartsAt;
        var occupations = await OccupationsAsync(source.Service.Id, rangeStart, intervals[^1].EndsAt + source.Service.BufferAfter, ignoring, cancellationToken);
        return SlotCalculator.Compute(intervals, RulesOf(source.Service), occupations, time.GetUtcNow(), includeFull);
    }

    /// <summary>
    /// Whether <paramref name="startsAt"/> is the start of a slot of the service, free or full: opening
    /// hours, minimum notice and horizon decide, so no appointment needs to be read.
    /// </summary>
    public bool IsSlotStart(SlotSource source, DateTimeOffset startsAt)
    {
        ArgumentNullException.ThrowIfNull(source);
        var day = OfficeTime.LocalDate(startsAt, source.Office.Zone());
        return SlotCalculator.Compute(OpenIntervals(source, day, day), RulesOf(source.Service), [], time.GetUtcNow(), includeFull: true)
            .Any(slot => slot.StartsAt == startsAt);
    }

    /// <summary>
    /// The seats of the service no appointment (but <paramref name="ignoring"/>) blocks at any moment
    /// between <paramref name="startsAt"/> and <paramref name="blockedUntil"/>. Read through the seat
    /// constraint's GiST index, which finds exactly the live appointments overlapping the slot; the
    /// (service, start) index would also return every appointment of the twelve hours before it.
    /// 'Cancelled' is written out because that index leaves cancelled appointments out, and a
    /// parameter would hide that this query does the same.
    /// </summary>
    public async Task<List<int>> FreeSeatsAsync(AppointmentService service, DateTimeOffset startsAt, DateTimeOffset blockedUntil, Guid? ignoring, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        // A plain command: this read runs on every booking, and EF would build, extract and look up
        // a query expression each time for a single column of integers.
        var taken = await db.OnConnectionAsync(async connection =>
        {
            await using var command = new NpgsqlCommand(FreeSeatsSql, connection)
            {
                Parameters =
                {
                    new() { Value = service.Id },
                    new() { Value = startsAt.ToUniversalTime() },
                    new() { Value = blockedUntil.ToUniversalTime() },
                    new() { Value = (object?)ignoring ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid },
                },
            };
            var seats = new List<int>(service.Capacity);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                seats.Add(reader.GetInt32(0));
            }

            return seats;
        }, cancellationToken);
        return SeatAllocation.FreeSeats(service.Capacity, taken);
    }

    private static List<OpenInterval> OpenIntervals(SlotSource source, DateOnly from, DateOnly to) =>
        [.. EffectiveOpeningHours.For(source.Office, source.Schedule, from, to).Intervals()];

    private static SlotRules RulesOf(AppointmentService service) => new(
        service.Duration, service.BufferAfter, service.Capacity,
        TimeSpan.FromMinutes(service.MinimumNoticeMinutes), TimeSpan.FromDays(service.BookingHorizonDays));

    /// <summary>The appointments of the service (but <paramref name="ignoring"/>) blocking a seat at some moment between <paramref name="from"/> and <paramref name="until"/>.</summary>
    private async Task<List<Occupation>> OccupationsAsync(Guid serviceId, DateTimeOffset from, DateTimeOffset until, Guid? ignoring, CancellationToken cancellationToken)
    {
        var occupations = new List<Occupation>();
        await foreach (var occupation in OccupationsOf(db, serviceId, from - AppointmentService.LongestBlock, from, until, ignoring).WithCancellation(cancellationToken))
        {
            occupations.Add(occupation);
        }

        return occupations;
    }

    /// <summary>
    /// The five free slots closest to a wanted time, from three days before to a week after it: what a
    /// resident who lost a race is offered instead. The wanted day is searched first; when its five
    /// closest are nearer than the day's edges, nothing further away can be closer, and the whole
    /// range is searched only otherwise (a 409 stays cheap under contention).
    /// </summary>
    public async Task<IReadOnlyList<SlotResponse>> AlternativesAsync(SlotSource source, DateTimeOffset wanted, Guid? ignoring, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var zone = source.Office.Zone();
        var day = OfficeTime.LocalDate(wanted, zone);
        var certain = Min(wanted - OfficeTime.Opening(day, TimeOnly.MinValue, zone), OfficeTime.Opening(day.AddDays(1), TimeOnly.MinValue, zone) - wanted);
        var closest = Closest(await FindAsync(source, day, day, includeFull: false, ignoring, cancellationToken), wanted);
        if (closest.Count < Alternatives || (closest[^1].StartsAt - wanted).Duration() > certain)
        {
            closest = Closest(await FindAsync(source, day.AddDays(-3), day.AddDays(7), includeFull: false, ignoring, cancellationToken), wanted);
        }

        return [.. closest.OrderBy(s => s.StartsAt).Select(s => SlotResponse.From(s, zone))];
    }

    private static TimeSpan Min(TimeSpan left, TimeSpan right) => left < right ? left : right;

    private static List<Slot> Closest(IEnumerable<Slot> slots, DateTimeOffset wanted) =>
        [.. slots.Where(s => s.StartsAt != wanted).OrderBy(s => (s.StartsAt - wanted).Duration()).Take(Alternatives)];
}

public sealed record SlotResponse(DateTimeOffset StartsAt, DateTimeOffset EndsAt, int FreeSeats)
{
    public static SlotResponse From(Slot slot, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(slot);
        return new(OfficeTime.InOfficeTime(slot.StartsAt, zone), OfficeTime.InOfficeTime(slot.EndsAt, zone), slot.FreeSeats);
    }
}
