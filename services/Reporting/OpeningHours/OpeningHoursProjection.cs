using Microsoft.EntityFrameworkCore;
using Quartier.Contracts.Bookings;
using Quartier.Reporting.Data;
using Quartier.Reporting.EventLog;
using Quartier.Reporting.Reports;

namespace Quartier.Reporting.OpeningHours;

/// <summary>An announcement replaces the hours of every date in its range, also dates it leaves without intervals (closed).</summary>
public sealed class OpeningHoursProjection : IProjection<OpeningHoursChanged>
{
    public async Task ApplyAsync(OpeningHoursChanged changed, ReportingDbContext db, CancellationToken cancellationToken)
    {
        var minutesByDate = changed.Intervals
            .GroupBy(interval => BerlinTime.DateOf(interval.StartsAt))
            .ToDictionary(day => day.Key, day => (int)day.Sum(interval => (interval.EndsAt - interval.StartsAt).TotalMinutes));

        await db.OpeningDays.Where(day => day.OfficeId == changed.OfficeId && day.Date >= changed.From && day.Date <= changed.To).LoadAsync(cancellationToken);
        for (var date = changed.From; date <= changed.To; date = date.AddDays(1))
        {
            var day = db.OpeningDays.Local.FindEntryUntyped([changed.OfficeId, date])?.Entity;
            if (day is null)
            {
                day = new OpeningDay { OfficeId = changed.OfficeId, Date = date };
                db.OpeningDays.Add(day);
            }

            day.Announce(minutesByDate.GetValueOrDefault(date), changed.ParallelCapacity, changed.ChangedAt);
        }
    }
}
