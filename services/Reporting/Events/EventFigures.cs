using Microsoft.EntityFrameworkCore;
using Quartier.Reporting.Reports;

namespace Quartier.Reporting.Events;

/// <summary>
/// Events starting in the period and their registrations. Held = not cancelled and begun by now.
/// The attendance rate is people attended over people confirmed, for events held.
/// </summary>
public sealed record EventFigures(
    int Scheduled,
    int Cancelled,
    int Held,
    int Registrations,
    int Waitlisted,
    int Promoted,
    int RegistrationsCancelled,
    int PeopleConfirmedAtHeldEvents,
    int PeopleAttended)
{
    public static readonly EventFigures None = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public decimal? AttendanceRate => ReportMath.Share(PeopleAttended, PeopleConfirmedAtHeldEvents);

    public EventFigures Add(EventFigures other) => new(
        Scheduled + other.Scheduled,
        Cancelled + other.Cancelled,
        Held + other.Held,
        Registrations + other.Registrations,
        Waitlisted + other.Waitlisted,
        Promoted + other.Promoted,
        RegistrationsCancelled + other.RegistrationsCancelled,
        PeopleConfirmedAtHeldEvents + other.PeopleConfirmedAtHeldEvents,
        PeopleAttended + other.PeopleAttended);

    public static async Task<Dictionary<FieldMonth, EventFigures>> ByFieldAndMonthAsync(ReportContext report)
    {
        var events = report.InScope(report.Db.Events.AsNoTracking()).Where(e => e.Scheduled && e.Date >= report.From && e.Date <= report.To);
        var now = report.Now;
        var eventCounts = await events
            .GroupBy(e => new { e.FieldOfAction, e.Date!.Value.Month })
            .Select(g => new
            {
                g.Key.FieldOfAction,
                g.Key.Month,
                Scheduled = g.Count(),
                Cancelled = g.Count(e => e.CancelledAt != null),
                Held = g.Count(e => e.CancelledAt == null && e.StartsAt <= now),
            })
            .ToListAsync(report.CancellationToken);
        var registrationCounts = await events
            .Join(report.Db.Registrations.AsNoTracking(), e => e.EventId, r => r.EventId, (e, r) => new
            {
                e.FieldOfAction,
                e.Date!.Value.Month,
                Held = e.CancelledAt == null && e.StartsAt <= now,
                Registration = r,
            })
            .GroupBy(x => new { x.FieldOfAction, x.Month })
            .Select(g => new
            {
                g.Key.FieldOfAction,
                g.Key.Month,
                Registrations = g.Count(x => x.Registration.ConfirmedDirectly || x.Registration.Waitlisted),
                Waitlisted = g.Count(x => x.Registration.Waitlisted),
                Promoted = g.Count(x => x.Registration.Promoted),
                Cancelled = g.Count(x => x.Registration.Cancelled),
                PeopleConfirmed = g.Sum(x => x.Held && !x.Registration.Cancelled && (x.Registration.ConfirmedDirectly || x.Registration.Promoted) ? x.Registration.People : 0),
                PeopleAttended = g.Sum(x => x.Held ? x.Registration.PeopleAttended ?? 0 : 0),
            })
            .ToListAsync(report.CancellationToken);

        var figures = eventCounts.ToDictionary(
            e => new FieldMonth(e.FieldOfAction, e.Month),
            e => None with { Scheduled = e.Scheduled, Cancelled = e.Cancelled, Held = e.Held });
        foreach (var r in registrationCounts)
        {
            var key = new FieldMonth(r.FieldOfAction, r.Month);
            figures[key] = figures.GetValueOrDefault(key, None) with
            {
                Registrations = r.Registrations,
                Waitlisted = r.Waitlisted,
                Promoted = r.Promoted,
                RegistrationsCancelled = r.Cancelled,
                PeopleConfirmedAtHeldEvents = r.PeopleConfirmed,
                PeopleAttended = r.PeopleAttended,
            };
        }

        return figures;
    }
}
