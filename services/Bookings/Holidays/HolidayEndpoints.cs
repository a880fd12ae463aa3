using Microsoft.AspNetCore.Http.HttpResults;
using Quartier.Contracts;
using Quartier.ServiceDefaults.Security;

namespace Quartier.Bookings.Holidays;

public static class HolidayEndpoints
{
    public static RouteGroupBuilder MapPublicHolidays(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/bookings/holidays").WithTags("Holidays").AllowAnonymous();
        group.MapGet("/{federalState}/{year:int}", GetHolidays).WithSummary("Statutory public holidays of a federal state in a year");
        return group;
    }

    private static Results<Ok<IReadOnlyList<PublicHoliday>>, ProblemHttpResult> GetHolidays(string federalState, int year)
    {
        if (!FederalStates.IsKnown(federalState))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown federal state.", detail: "Use an ISO 3166-2 code such as DE-NI.");
        }

        if (year is < 1900 or > 2999)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Year out of range.", detail: "Holidays are computed for the years 1900 to 2999.");
        }

        return TypedResults.Ok(PublicHolidays.For(year, federalState));
    }
}
