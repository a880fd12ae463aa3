using MassTransit;
using Microsoft.EntityFrameworkCore;
using Quartier.Bookings.Appointments;
using Quartier.Bookings.Callbacks;
using Quartier.Bookings.Data;
using Quartier.Bookings.Diagnostics;
using Quartier.Bookings.Mail;
using Quartier.Bookings.OpeningHours;
using Quartier.Contracts.Bookings;
using Quartier.Contracts.Offices;
using Quartier.ServiceDefaults.Messaging.Inbox;
using Quartier.ServiceDefaults.Messaging.OfficeCopies;
using Quartier.ServiceDefaults.Messaging.Outbox;

namespace Quartier.Bookings.Offices;

/// <summary>
/// A closed office takes no new bookings; every appointment and callback window still ahead is
/// cancelled and announced (and residents who gave an e-mail address are told), and the hours it had announced from its closing on are taken back (so
/// reports count no hours it will not offer), in the same transaction as the closure is recorded.
/// </summary>
public sealed class OfficeClosedConsumer(BookingsDbContext db, TimeProvider time, BookingsMetrics metrics, OpeningHoursAnnouncer announcer, BookingsMail mail, ILogger<OfficeClosedConsumer> logger)
    : IdempotentConsumer<OfficeClosed, BookingsDbContext>(db, logger)
{
    protected override async Task HandleAsync(ConsumeContext<OfficeClosed> context)
    {
        var closed = context.Message;
        var office = await Db.Offices.FindOrAddAsync(closed.OfficeId, context.CancellationToken);
        if (!office.Close(closed.ClosedAt))
        {
            return;
        }

        await announcer.WithdrawAfterClosureAsync(office, context.CancellationToken);
        var now = time.GetUtcNow();
        var ahead = await Db.Appointments
            .Where(a => a.OfficeId == closed.OfficeId && a.Status == AppointmentStatus.Booked && a.StartsAt > now)
            .ToListAsync(context.CancellationToken);
        foreach (var appointment in ahead)
        {
            appointment.Cancel(CancelledBy.OfficeClosed, now);
            Db.AddIntegrationEvent(new AppointmentCancelled(appointment.Id, appointment.OfficeId, CancelledBy.OfficeClosed, now), time);
            await mail.AppointmentCancelledAsync(appointment, context.CancellationToken);
        }

        metrics.AppointmentsCancelled(ahead.Count, CancelledBy.OfficeClosed);

        var callbacks = await Db.CallbackRequests
            .Where(c => c.OfficeId == closed.OfficeId && c.Status == CallbackStatus.Open && c.WindowStartsAt > now)
            .ToListAsync(context.CancellationToken);
        foreach (var callback in callbacks)
        {
            callback.Cancel(now);
            Db.AddIntegrationEvent(new CallbackCancelled(callback.Id, callback.OfficeId, now), time);
            await mail.CallbackCancelledAsync(callback, officeClosed: true, context.CancellationToken);
        }
    }
}
