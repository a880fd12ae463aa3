using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Quartier.Bookings.Data;
using Quartier.Bookings.Offices;
using Quartier.Bookings.OpeningHours;

namespace Quartier.Bookings.Callbacks;

/// <summary>Loads an office's callback settings and taken places and computes its windows.</summary>
public sealed class CallbackWindowFinder(BookingsDbContext db, TimeProvider time)
{
    public sealed record Context(BookableOffice? Office, CallbackSettings? Settings, ProblemHttpResult? Problem);

    public async Task<Context> LoadAsync(Guid officeId, CancellationToken cancellationToken)
    {
        var office = await db.FindOfficeAsync(officeId, cancellationToken);
        if (office is null)
        {
            return new Context(null, null, null);
        }

        if (!office.IsOpen)
        {
            return new Context(office, null, OfficeLookup.NotAcceptingBookings());
        }

        var settings = await db.CallbackSettings.AsNoTracking().SingleOrDefaultAsync(s => s.OfficeId == officeId, cancellationToken);
        return settings is null
            ? new Context(office, null, TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "This office offers no callbacks."))
            : new Context(office, settings, null);
    }

    public async Task<IReadOnlyList<CallbackWindow>> FindAsync(Context context, DateOnly from, DateOnly to, bool includeFull, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var office = context.Office!;
        var settings = context.Settings!;
        var zone = office.Zone();
        var schedule = await db.Schedules.AsNoTracking().SingleOrDefaultAsync(s => s.OfficeId == office.OfficeId, cancellationToken)
            ?? new OfficeSchedule { OfficeId = office.OfficeId };
        var intervals = EffectiveOpeningHours.For(office, schedule, from, to).Intervals().ToList();
        if (intervals.Count == 0)
        {
            return [];
        }

        var rangeStart = intervals[0].StartsAt;
        var rangeEnd = intervals[^1].EndsAt;
        var taken = await db.CallbackRequests.AsNoTracking()
            .Where(c => c.OfficeId == office.OfficeId && c.Status != CallbackStatus.Cancelled && c.WindowStartsAt >= rangeStart && c.WindowStartsAt < rangeEnd)
            .GroupBy(c => c.WindowStartsAt)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var windows = CallbackWindows.Compute(
            intervals, TimeSpan.FromMinutes(settings.WindowMinutes), settings.CapacityPerWindow, taken, time.GetUtcNow(),
            TimeSpan.FromMinutes(settings.MinimumNoticeMinutes), TimeSpan.FromDays(settings.HorizonDays), includeFull);
        return [.. windows.Select(w => w with { StartsAt = OfficeTime.InOfficeTime(w.StartsAt, zone), EndsAt = OfficeTime.InOfficeTime(w.EndsAt, zone) })];
    }
}
