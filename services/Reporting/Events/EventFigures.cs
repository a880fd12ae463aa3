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
        var now = report.Now;
        var cells = await report.InScope(report.Db.Events.AsNoTracking())
            .Where(e => e.Scheduled && e.Date >= report.From && e.Date <= report.To)
            .GroupJoin(report.Db.RegistrationTallies.AsNoTracking(), e => e.EventId, t => t.EventId, (e, tallies) => new { Event = e, tallies })
            .SelectMany(x => x.tallies.DefaultIfEmpty(), (x, t) => new
            {
                x.Event.FieldOfAction,
                x.Event.Date!.Value.Month,
                Cancelled = x.Event.CancelledAt != null,
                Held = x.Event.CancelledAt == null && x.Event.StartsAt <= now,
                Tally = t,
            })
            .GroupBy(x => new { x.FieldOfAction, x.Month })
            .Select(g => new
            {
                g.Key.FieldOfAction,
                g.Key.Month,
                Figures = new EventFigures(
                    g.Count(),
                    g.Count(x => x.Cancelled),
                    g.Count(x => x.Held),
                    g.Sum(x => x.Tally != null ? x.Tally.Registrations : 0),
                    g.Sum(x => x.Tally != null ? x.Tally.Waitlisted : 0),
                    g.Sum(x => x.Tally != null ? x.Tally.Promoted : 0),
                    g.Sum(x => x.Tally != null ? x.Tally.Cancelled : 0),
                    g.Sum(x => x.Held && x.Tally != null ? x.Tally.PeopleConfirmed : 0),
                    g.Sum(x => x.Held && x.Tally != null ? x.Tally.PeopleAttended : 0)),
            })
            .ToListAsync(report.CancellationToken);
        return cells.ToDictionary(c => new FieldMonth(c.FieldOfAction, c.Month), c => c.Figures);
    }
}
