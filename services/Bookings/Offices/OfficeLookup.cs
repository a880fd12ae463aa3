using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Quartier.Bookings.Data;

namespace Quartier.Bookings.Offices;

public static class OfficeLookup
{
    public static Task<BookableOffice?> FindOfficeAsync(this BookingsDbContext db, Guid officeId, CancellationToken cancellationToken) =>
        db.Offices.AsNoTracking().SingleOrDefaultAsync(o => o.OfficeId == officeId, cancellationToken);

    public static TimeZoneInfo Zone(this BookableOffice office) => TimeZoneInfo.FindSystemTimeZoneById(office.TimeZone);

    public static ProblemHttpResult NotAcceptingBookings() => TypedResults.Problem(
        statusCode: StatusCodes.Status422UnprocessableEntity,
        title: "This office takes no bookings.",
        detail: "The office has closed; please choose another office.");
}
