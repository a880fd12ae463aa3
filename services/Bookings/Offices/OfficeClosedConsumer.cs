using MassTransit;
using Microsoft.EntityFrameworkCore;
using Quartier.Bookings.Appointments;
using Quartier.Bookings.Data;
using Quartier.Bookings.Diagnostics;
using Quartier.Contracts.Bookings;
using Quartier.Contracts.Offices;
using Quartier.ServiceDefaults.Messaging.Inbox;
using Quartier.ServiceDefaults.Messaging.Outbox;

namespace Quartier.Bookings.Offices;

/// <summary>
/// A closed office takes no new bookings; every appointment still ahead is cancelled and announced,
/// in the same transaction as the closure is recorded.
/// </summary>
public sealed class OfficeClosedConsumer(BookingsDbContext db, TimeProvider time, BookingsMetrics metrics, ILogger<OfficeClosedConsumer> logger)
    : IdempotentConsumer<OfficeClosed, BookingsDbContext>(db, logger)
{
    protected override async Task HandleAsync(ConsumeContext<OfficeClosed> context)
    {
        var closed = context.Message;
        var office = await Db.Offices.FindAsync([closed.OfficeId], context.CancellationToken);
        if (office is null)
        {
            return;
        }

        office.AcceptsBookings = false;
        var now = time.GetUtcNow();
        var ahead = await Db.Appointments
            .Where(a => a.OfficeId == closed.OfficeId && a.Status == AppointmentStatus.Booked && a.StartsAt > now)
            .ToListAsync(context.CancellationToken);
        foreach (var appointment in ahead)
        {
            appointment.Cancel(CancelledBy.OfficeClosed, now);
            Db.AddIntegrationEvent(new AppointmentCancelled(appointment.Id, appointment.OfficeId, CancelledBy.OfficeClosed, now), time);
        }

        metrics.AppointmentsCancelled(ahead.Count, CancelledBy.OfficeClosed);
    }
}
