using Quartier.Contracts.Bookings;
using Quartier.Reporting.Data;
using Quartier.Reporting.EventLog;

namespace Quartier.Reporting.Appointments;

public sealed class AppointmentProjection :
    IProjection<AppointmentBooked>,
    IProjection<AppointmentRescheduled>,
    IProjection<AppointmentCancelled>,
    IProjection<AppointmentAttended>,
    IProjection<AppointmentNoShow>
{
    public async Task ApplyAsync(AppointmentBooked booked, ReportingDbContext db, CancellationToken cancellationToken) =>
        (await FindOrAddAsync(db, booked.AppointmentId, booked.OfficeId, cancellationToken)).Book(booked);

    public async Task ApplyAsync(AppointmentRescheduled rescheduled, ReportingDbContext db, CancellationToken cancellationToken) =>
        (await FindOrAddAsync(db, rescheduled.AppointmentId, rescheduled.OfficeId, cancellationToken))
            .Schedule(rescheduled.StartsAt, rescheduled.EndsAt, rescheduled.RescheduledAt);

    public async Task ApplyAsync(AppointmentCancelled cancelled, ReportingDbContext db, CancellationToken cancellationToken) =>
        (await FindOrAddAsync(db, cancelled.AppointmentId, cancelled.OfficeId, cancellationToken)).Cancel(cancelled.CancelledAt);

    public async Task ApplyAsync(AppointmentAttended attended, ReportingDbContext db, CancellationToken cancellationToken) =>
        (await FindOrAddAsync(db, attended.AppointmentId, attended.OfficeId, cancellationToken)).Record(AppointmentOutcome.Attended, attended.RecordedAt);

    public async Task ApplyAsync(AppointmentNoShow noShow, ReportingDbContext db, CancellationToken cancellationToken) =>
        (await FindOrAddAsync(db, noShow.AppointmentId, noShow.OfficeId, cancellationToken)).Record(AppointmentOutcome.NoShow, noShow.RecordedAt);

    private static Task<AppointmentRecord> FindOrAddAsync(ReportingDbContext db, Guid appointmentId, Guid officeId, CancellationToken cancellationToken) =>
        db.FindOrAddAsync(appointmentId, () => new AppointmentRecord { AppointmentId = appointmentId, OfficeId = officeId }, cancellationToken);
}
