using Quartier.Contracts.Engagement;
using Quartier.Reporting.Data;
using Quartier.Reporting.EventLog;

namespace Quartier.Reporting.Events;

public sealed class EventProjection :
    IProjection<EventScheduled>,
    IProjection<EventChanged>,
    IProjection<EventCancelled>,
    IProjection<RegistrationConfirmed>,
    IProjection<RegistrationWaitlisted>,
    IProjection<WaitlistPromoted>,
    IProjection<RegistrationCancelled>,
    IProjection<AttendanceRecorded>
{
    public async Task ApplyAsync(EventScheduled scheduled, ReportingDbContext db, CancellationToken cancellationToken) =>
        (await FindOrAddEventAsync(db, scheduled.EventId, scheduled.OfficeId, cancellationToken)).Schedule(scheduled);

    public async Task ApplyAsync(EventChanged changed, ReportingDbContext db, CancellationToken cancellationToken) =>
        (await FindOrAddEventAsync(db, changed.EventId, changed.OfficeId, cancellationToken)).Change(changed);

    public async Task ApplyAsync(EventCancelled cancelled, ReportingDbContext db, CancellationToken cancellationToken) =>
        (await FindOrAddEventAsync(db, cancelled.EventId, cancelled.OfficeId, cancellationToken)).Cancel(cancelled.CancelledAt);

    public async Task ApplyAsync(RegistrationConfirmed confirmed, ReportingDbContext db, CancellationToken cancellationToken)
    {
        var registration = await FindOrAddRegistrationAsync(db, confirmed.RegistrationId, confirmed.EventId, confirmed.OfficeId, confirmed.People, cancellationToken);
        registration.ConfirmedDirectly = true;
    }

    public async Task ApplyAsync(RegistrationWaitlisted waitlisted, ReportingDbContext db, CancellationToken cancellationToken)
    {
        var registration = await FindOrAddRegistrationAsync(db, waitlisted.RegistrationId, waitlisted.EventId, waitlisted.OfficeId, waitlisted.People, cancellationToken);
        registration.Waitlisted = true;
    }

    public async Task ApplyAsync(WaitlistPromoted promoted, ReportingDbContext db, CancellationToken cancellationToken)
    {
        var registration = await FindOrAddRegistrationAsync(db, promoted.RegistrationId, promoted.EventId, promoted.OfficeId, promoted.People, cancellationToken);
        (registration.Waitlisted, registration.Promoted) = (true, true);
    }

    public async Task ApplyAsync(RegistrationCancelled cancelled, ReportingDbContext db, CancellationToken cancellationToken)
    {
        var registration = await FindOrAddRegistrationAsync(db, cancelled.RegistrationId, cancelled.EventId, cancelled.OfficeId, cancelled.People, cancellationToken);
        registration.Cancelled = true;
    }

    public async Task ApplyAsync(AttendanceRecorded attendance, ReportingDbContext db, CancellationToken cancellationToken)
    {
        var registration = await db.FindOrAddAsync(attendance.RegistrationId, () => new RegistrationRecord { RegistrationId = attendance.RegistrationId }, cancellationToken);
        (registration.EventId, registration.OfficeId) = (attendance.EventId, attendance.OfficeId);
        registration.RecordAttendance(attendance.PeopleAttended, attendance.RecordedAt);
    }

    private static Task<EventRecord> FindOrAddEventAsync(ReportingDbContext db, Guid eventId, Guid officeId, CancellationToken cancellationToken) =>
        db.FindOrAddAsync(eventId, () => new EventRecord { EventId = eventId, OfficeId = officeId }, cancellationToken);

    private static async Task<RegistrationRecord> FindOrAddRegistrationAsync(ReportingDbContext db, Guid registrationId, Guid eventId, Guid officeId, int people, CancellationToken cancellationToken)
    {
        var registration = await db.FindOrAddAsync(registrationId, () => new RegistrationRecord { RegistrationId = registrationId }, cancellationToken);
        (registration.EventId, registration.OfficeId, registration.People) = (eventId, officeId, people);
        return registration;
    }
}
