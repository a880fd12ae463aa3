using Microsoft.AspNetCore.Http.HttpResults;
using Quartier.Bookings.AppointmentServices;
using Quartier.Bookings.Data;
using Quartier.Bookings.Diagnostics;
using Quartier.Bookings.Offices;
using Quartier.Bookings.Slots;
using Quartier.Contracts.Bookings;
using Quartier.ServiceDefaults.Messaging.Outbox;

namespace Quartier.Bookings.Appointments;

/// <summary>
/// The rules a wanted start time must pass before a seat is taken (office open for bookings, channel
/// offered, a slot of the service, within notice and horizon, not full), and the seat taking itself.
/// </summary>
public sealed class AppointmentBooking(SlotFinder slots, BookingsDbContext db, BookingsMetrics metrics, OutboxSignal outbox)
{
    /// <summary>Looks at the free seats again this often when concurrent requests took the ones seen free.</summary>
    private const int SeatRounds = 3;

    public async Task<(SlotSource? Source, ProblemHttpResult? Problem)> FindSourceAsync(Guid serviceId, CancellationToken cancellationToken)
    {
        var found = await slots.FindSourceAsync(serviceId, cancellationToken);
        if (found is null)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Unknown service.", detail: "No appointment service with this id is offered."));
        }

        return found.Office.IsOpen ? (found, null) : (null, OfficeLookup.NotAcceptingBookings());
    }

    /// <summary>
    /// The seats free for an appointment of the service at <paramref name="startsAt"/> when it is a
    /// slot of the service; otherwise the problem to answer (a full slot answers 409 with alternatives).
    /// </summary>
    public async Task<(List<int> FreeSeats, ProblemHttpResult? Problem)> CheckSlotAsync(
        SlotSource source, AppointmentChannel channel, DateTimeOffset startsAt, DateTimeOffset now, Guid? ignoring, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var service = source.Service;
        if (!service.Channels.Contains(channel))
        {
            return ([], TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Channel not offered.",
                detail: $"This service is offered {string.Join(", ", service.Channels)}."));
        }

        if (startsAt < now || startsAt > now.AddDays(service.BookingHorizonDays + 1))
        {
            return ([], TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Outside the booking horizon.",
                detail: $"This service can be booked from now up to {service.BookingHorizonDays} days ahead."));
        }

        if (!slots.IsSlotStart(source, startsAt))
        {
            return ([], TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Not a bookable slot.",
                detail: "The time is outside the opening hours, too soon, or not the start of a slot of this service. Search the free slots first.",
                extensions: await AlternativesAsync(source, startsAt, ignoring, cancellationToken)));
        }

        // Only the appointments overlapping this one slot are read: the database decides the rest.
        var free = await slots.FreeSeatsAsync(service, startsAt, startsAt + service.Duration + service.BufferAfter, ignoring, cancellationToken);
        return free.Count > 0 ? (free, null) : ([], await SlotTakenAsync(source, startsAt, ignoring, cancellationToken));
    }

    /// <summary>
    /// Books a free seat for the new <paramref name="appointment"/> and saves it with its
    /// <paramref name="announcement"/>: first among the seats seen free, then among those free on a fresh look.
    /// </summary>
    public async Task<bool> BookSeatAsync(Appointment appointment, OutboxMessage announcement, IReadOnlyList<int> seenFree, AppointmentService service, CancellationToken cancellationToken)
    {
        var booked = await OnAFreeSeatAsync(appointment, seenFree, service, free => SeatAllocation.InsertOnFirstFreeSeatAsync(db, appointment, announcement, free, cancellationToken), cancellationToken);
        if (booked)
        {
            outbox.Notify();
        }

        return booked;
    }

    /// <summary>
    /// Moves <paramref name="appointment"/> as it stands onto a free seat and saves it with its pending
    /// events: first among the seats seen free, then among those free on a fresh look.
    /// </summary>
    public Task<bool> TakeSeatAsync(Appointment appointment, IReadOnlyList<int> seenFree, AppointmentService service, CancellationToken cancellationToken) =>
        OnAFreeSeatAsync(appointment, seenFree, service, free => SeatAllocation.SaveOnFirstFreeSeatAsync(db, free, seat => appointment.Seat = seat, cancellationToken), cancellationToken);

    private async Task<bool> OnAFreeSeatAsync(Appointment appointment, IReadOnlyList<int> seenFree, AppointmentService service, Func<IReadOnlyList<int>, Task<bool>> takeOneOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        ArgumentNullException.ThrowIfNull(service);
        var free = seenFree;
        for (var round = 0; round < SeatRounds && free.Count > 0; round++)
        {
            if (await takeOneOf(free))
            {
                return true;
            }

            free = await slots.FreeSeatsAsync(service, appointment.StartsAt, appointment.BlockedUntil, appointment.Id, cancellationToken);
        }

        metrics.SlotConflict();
        return false;
    }

    public async Task<ProblemHttpResult> SlotTakenAsync(SlotSource source, DateTimeOffset startsAt, Guid? ignoring, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "This slot has just been taken.",
            detail: "Every counsellor is booked at this time. Please choose one of the free slots nearby.",
            extensions: await AlternativesAsync(source, startsAt, ignoring, cancellationToken));
    }

    private async Task<Dictionary<string, object?>> AlternativesAsync(SlotSource source, DateTimeOffset startsAt, Guid? ignoring, CancellationToken cancellationToken) =>
        new() { ["alternatives"] = await slots.AlternativesAsync(source, startsAt, ignoring, cancellationToken) };
}
