using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Quartier.Bookings.AppointmentServices;
using Quartier.Bookings.Data;
using Quartier.Bookings.Diagnostics;
using Quartier.Bookings.Offices;
using Quartier.Bookings.OpeningHours;
using Quartier.Bookings.Slots;
using Quartier.Contracts.Bookings;

namespace Quartier.Bookings.Appointments;

/// <summary>
/// The rules a wanted start time must pass before a seat is taken (office open for bookings, channel
/// offered, a slot of the service, within notice and horizon, not full), and the seat taking itself.
/// </summary>
public sealed class AppointmentBooking(BookingsDbContext db, SlotFinder slots, BookingsMetrics metrics)
{
    /// <summary>Looks at the free seats again this often when concurrent requests took the ones seen free.</summary>
    private const int SeatRounds = 3;

    public sealed record Target(BookableOffice Office, AppointmentService Service);

    public async Task<(Target? Target, ProblemHttpResult? Problem)> FindTargetAsync(Guid serviceId, CancellationToken cancellationToken)
    {
        var found = await db.AppointmentServices.AsNoTracking()
            .Where(s => s.Id == serviceId && s.Active)
            .Join(db.Offices.AsNoTracking(), s => s.OfficeId, o => o.OfficeId, (s, o) => new Target(o, s))
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Unknown service.", detail: "No appointment service with this id is offered."));
        }

        return found.Office.AcceptsBookings ? (found, null) : (null, OfficeLookup.NotAcceptingBookings());
    }

    /// <summary>Null when <paramref name="startsAt"/> is a slot of the service with a free seat; otherwise the problem to answer.</summary>
    public async Task<ProblemHttpResult?> CheckSlotAsync(Target target, AppointmentChannel channel, DateTimeOffset startsAt, DateTimeOffset now, Guid? ignoring, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var (office, service) = target;
        if (!service.Channels.Contains(channel))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Channel not offered.",
                detail: $"This service is offered {string.Join(", ", service.Channels)}.");
        }

        if (startsAt < now || startsAt > now.AddDays(service.BookingHorizonDays + 1))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Outside the booking horizon.",
                detail: $"This service can be booked from now up to {service.BookingHorizonDays} days ahead.");
        }

        var day = OfficeTime.LocalDate(startsAt, office.Zone());
        var slot = (await slots.FindAsync(office, service, day, day, includeFull: true, ignoring, cancellationToken))
            .FirstOrDefault(s => s.StartsAt == startsAt);
        if (slot is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Not a bookable slot.",
                detail: "The time is outside the opening hours, too soon, or not the start of a slot of this service. Search the free slots first.",
                extensions: await AlternativesAsync(target, startsAt, ignoring, cancellationToken));
        }

        return slot.FreeSeats > 0 ? null : await SlotTakenAsync(target, startsAt, ignoring, cancellationToken);
    }

    /// <summary>Takes the first free seat for <paramref name="appointment"/> as it stands (new or moved) and saves it with its pending events.</summary>
    public async Task<bool> TakeSeatAsync(Appointment appointment, int capacity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        for (var round = 0; round < SeatRounds; round++)
        {
            var taken = await db.Appointments.AsNoTracking()
                .Where(a => a.ServiceId == appointment.ServiceId && a.Status != AppointmentStatus.Cancelled && a.Id != appointment.Id
                    && a.StartsAt < appointment.BlockedUntil && a.BlockedUntil > appointment.StartsAt)
                .Select(a => a.Seat)
                .ToListAsync(cancellationToken);
            var free = Enumerable.Range(1, capacity).Except(taken).ToList();
            if (free.Count == 0)
            {
                break;
            }

            if (await SeatAllocation.SaveOnFirstFreeSeatAsync(db, free, seat => appointment.Seat = seat, cancellationToken))
            {
                return true;
            }
        }

        metrics.SlotConflict();
        return false;
    }

    public async Task<ProblemHttpResult> SlotTakenAsync(Target target, DateTimeOffset startsAt, Guid? ignoring, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "This slot has just been taken.",
            detail: "Every counsellor is booked at this time. Please choose one of the free slots nearby.",
            extensions: await AlternativesAsync(target, startsAt, ignoring, cancellationToken));
    }

    private async Task<Dictionary<string, object?>> AlternativesAsync(Target target, DateTimeOffset startsAt, Guid? ignoring, CancellationToken cancellationToken) =>
        new() { ["alternatives"] = await slots.AlternativesAsync(target.Office, target.Service, startsAt, ignoring, cancellationToken) };
}
