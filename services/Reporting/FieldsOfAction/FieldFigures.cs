using Microsoft.EntityFrameworkCore;
using Quartier.Contracts.Bookings;
using Quartier.Reporting.Appointments;
using Quartier.Reporting.Events;
using Quartier.Reporting.Reports;
using Quartier.Reporting.Volunteers;

namespace Quartier.Reporting.FieldsOfAction;

/// <summary>Everything done in one field of action: appointments, callbacks, walk-ins and phone contacts, events and volunteer hours.</summary>
public sealed record FieldFigures(
    AppointmentFigures Appointments, int CallbacksRequested, int CallbacksReached, int WalkIns, int PhoneContacts, EventFigures Events, decimal VolunteerHours)
{
    public static readonly FieldFigures None = new(AppointmentFigures.None, 0, 0, 0, 0, EventFigures.None, 0);

    public FieldFigures Add(FieldFigures other) => new(
        AppointmentFigures.Sum([Appointments, other.Appointments]),
        CallbacksRequested + other.CallbacksRequested,
        CallbacksReached + other.CallbacksReached,
        WalkIns + other.WalkIns,
        PhoneContacts + other.PhoneContacts,
        Events.Add(other.Events),
        VolunteerHours + other.VolunteerHours);

    public static async Task<Dictionary<FieldMonth, FieldFigures>> ByFieldAndMonthAsync(ReportContext report)
    {
        var appointments = await AppointmentCounts.ByDimensionAndMonthAsync(report, AppointmentTally.FieldOfAction);
        var callbacks = await CallbacksByFieldAndMonthAsync(report);
        var contacts = await ContactsByFieldAndMonthAsync(report);
        var events = await EventFigures.ByFieldAndMonthAsync(report);
        var hours = await VolunteerFigures.HoursByFieldAndMonthAsync(report);

        var cells = new Dictionary<FieldMonth, FieldFigures>();
        void Add(FieldMonth cell, FieldFigures figures) => cells[cell] = cells.GetValueOrDefault(cell, None).Add(figures);
        appointments.ForEach(a => Add(new FieldMonth(a.Value, a.Month), None with { Appointments = a.Figures }));
        callbacks.ForEach(c => Add(c.Cell, None with { CallbacksRequested = c.Requested, CallbacksReached = c.Reached }));
        contacts.ForEach(c => Add(new FieldMonth(c.FieldOfAction, c.Month), None with { WalkIns = c.WalkIns, PhoneContacts = c.PhoneContacts }));
        foreach (var (cell, figures) in events)
        {
            Add(cell, None with { Events = figures });
        }

        foreach (var (cell, volunteerHours) in hours)
        {
            Add(cell, None with { VolunteerHours = volunteerHours });
        }

        return cells;
    }

    private sealed record CallbackCell(FieldMonth Cell, int Requested, int Reached);

    /// <summary>Callbacks requested and reached per field and month: from the field tallies for whole months, from the callbacks for a day.</summary>
    private static async Task<List<CallbackCell>> CallbacksByFieldAndMonthAsync(ReportContext report) =>
        report.WholeMonths
            ? [.. (await FieldTallies.InMonthsOf(report)
                    .GroupBy(t => new { t.FieldOfAction, t.Month })
                    .Select(g => new { g.Key.FieldOfAction, g.Key.Month, Requested = g.Sum(t => t.CallbacksRequested), Reached = g.Sum(t => t.CallbacksReached) })
                    .ToListAsync(report.CancellationToken))
                .Where(t => t.Requested > 0)
                .Select(t => new CallbackCell(new FieldMonth(TallyValue.OrNull(t.FieldOfAction), t.Month.Month), t.Requested, t.Reached))]
            : [.. (await report.InScope(report.Db.Callbacks.AsNoTracking())
                    .Where(c => c.Requested && c.Date >= report.From && c.Date <= report.To)
                    .GroupBy(c => new { c.FieldOfAction, c.Date!.Value.Month })
                    .Select(g => new { g.Key.FieldOfAction, g.Key.Month, Requested = g.Count(), Reached = g.Count(c => c.ReachedAt != null) })
                    .ToListAsync(report.CancellationToken))
                .Select(c => new CallbackCell(new FieldMonth(c.FieldOfAction, c.Month), c.Requested, c.Reached))];

    private sealed record ContactCell(string? FieldOfAction, int Month, int WalkIns, int PhoneContacts);

    /// <summary>Walk-ins and phone contacts per field and month; a few a day per office, so counted from the contacts themselves.</summary>
    private static async Task<List<ContactCell>> ContactsByFieldAndMonthAsync(ReportContext report) =>
        await report.InScope(report.Db.Contacts.AsNoTracking())
            .Where(c => !c.Withdrawn && c.Date >= report.From && c.Date <= report.To)
            .GroupBy(c => new { c.FieldOfAction, c.Date!.Value.Month })
            .Select(g => new ContactCell(
                g.Key.FieldOfAction, g.Key.Month, g.Count(c => c.Kind == ContactKind.WalkIn), g.Count(c => c.Kind == ContactKind.Phone)))
            .ToListAsync(report.CancellationToken);

    public static IReadOnlyList<string> CsvColumns { get; } =
    [
        "appointmentsBooked", "appointmentsCancelled", "appointmentsAttended", "appointmentsNoShow",
        "callbacksRequested", "callbacksReached",
        "walkIns", "phoneContacts",
        "eventsHeld", "eventRegistrations", "eventWaitlisted", "eventPromoted", "eventPeopleAttended", "eventAttendanceRate",
        "volunteerHours",
    ];

    public object?[] CsvCells() =>
    [
        Appointments.Booked, Appointments.Cancelled, Appointments.Attended, Appointments.NoShow,
        CallbacksRequested, CallbacksReached,
        WalkIns, PhoneContacts,
        Events.Held, Events.Registrations, Events.Waitlisted, Events.Promoted, Events.PeopleAttended, Events.AttendanceRate,
        VolunteerHours,
    ];
}
