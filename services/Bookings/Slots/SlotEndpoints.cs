using Microsoft.AspNetCore.Http.HttpResults;
using Quartier.Bookings.Offices;
using Quartier.Bookings.OpeningHours;
using Quartier.Contracts.Bookings;
using Quartier.ServiceDefaults.Security;

namespace Quartier.Bookings.Slots;

public static class SlotEndpoints
{
    public const int MaxSearchDays = 62;

    public static RouteGroupBuilder MapSlots(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/bookings/services/{serviceId:guid}/slots").WithTags("Slots").AllowAnonymous();
        group.MapGet("/", SearchSlots).WithSummary("Free slots of a service for a channel and a range of local dates");
        return group;
    }

    private static async Task<Results<Ok<List<SlotResponse>>, NotFound, ProblemHttpResult>> SearchSlots(
        Guid serviceId, AppointmentChannel channel, DateOnly from, DateOnly to, SlotFinder finder, TimeProvider time, CancellationToken cancellationToken)
    {
        if (to < from || to.DayNumber - from.DayNumber >= MaxSearchDays)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid date range.",
                detail: $"'to' must not be before 'from', and one search spans at most {MaxSearchDays} days.");
        }

        var source = await finder.FindSourceAsync(serviceId, cancellationToken);
        if (source is null)
        {
            return TypedResults.NotFound();
        }

        var (service, office, _) = source;
        if (!office.IsOpen)
        {
            return OfficeLookup.NotAcceptingBookings();
        }

        if (!service.Channels.Contains(channel))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Channel not offered.",
                detail: $"This service is offered {string.Join(", ", service.Channels)}.");
        }

        var zone = office.Zone();
        var today = OfficeTime.LocalDate(time.GetUtcNow(), zone);
        if (from > today.AddDays(service.BookingHorizonDays) || to < today.AddDays(-1))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Dates outside the booking horizon.",
                detail: $"This service can be booked from today up to {service.BookingHorizonDays} days ahead.");
        }

        var slots = await finder.FindAsync(source, from, to, includeFull: false, ignoring: null, cancellationToken);
        return TypedResults.Ok(slots.Select(s => SlotResponse.From(s, zone)).ToList());
    }
}
