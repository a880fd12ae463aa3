using System.Diagnostics.Metrics;
using Quartier.Contracts.Bookings;

namespace Quartier.Bookings.Diagnostics;

/// <summary>Business figures of the service on the <c>Quartier.Bookings</c> meter. Categories only, never personal data.</summary>
public sealed class BookingsMetrics
{
    public const string MeterName = "Quartier.Bookings";

    private readonly Counter<long> appointmentsBooked;
    private readonly Counter<long> appointmentsCancelled;
    private readonly Counter<long> slotConflicts;
    private readonly Counter<long> callbacksRequested;
    private readonly Counter<long> callbackAttempts;
    private readonly Counter<long> callbacksUnreachable;
    private readonly Counter<long> callbacksOverdue;
    private readonly Counter<long> personalDataPurged;

    public BookingsMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        appointmentsBooked = meter.CreateCounter<long>("quartier.bookings.appointments.booked", "{appointment}");
        appointmentsCancelled = meter.CreateCounter<long>("quartier.bookings.appointments.cancelled", "{appointment}");
        slotConflicts = meter.CreateCounter<long>("quartier.bookings.slot_conflicts", "{request}", "Bookings refused because the slot was just taken");
        callbacksRequested = meter.CreateCounter<long>("quartier.bookings.callbacks.requested", "{callback}");
        callbackAttempts = meter.CreateCounter<long>("quartier.bookings.callbacks.attempts", "{attempt}");
        callbacksUnreachable = meter.CreateCounter<long>("quartier.bookings.callbacks.unreachable", "{callback}");
        callbacksOverdue = meter.CreateCounter<long>("quartier.bookings.callbacks.overdue", "{callback}");
        personalDataPurged = meter.CreateCounter<long>("quartier.bookings.personal_data.purged", "{record}");
    }

    public void AppointmentBooked(AppointmentChannel channel) =>
        appointmentsBooked.Add(1, new KeyValuePair<string, object?>("channel", channel.ToString()));

    public void AppointmentsCancelled(int count, CancelledBy by) =>
        appointmentsCancelled.Add(count, new KeyValuePair<string, object?>("cancelled_by", by.ToString()));

    public void SlotConflict() => slotConflicts.Add(1);

    public void CallbackRequested() => callbacksRequested.Add(1);

    public void CallbackAttempted(CallbackAttemptOutcome outcome) =>
        callbackAttempts.Add(1, new KeyValuePair<string, object?>("outcome", outcome.ToString()));

    public void CallbackUnreachable() => callbacksUnreachable.Add(1);

    public void CallbacksOverdue(int count) => callbacksOverdue.Add(count);

    public void PersonalDataPurged(int count) => personalDataPurged.Add(count);
}
