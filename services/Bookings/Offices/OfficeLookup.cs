using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Quartier.Bookings.Data;

namespace Quartier.Bookings.Offices;

public static class OfficeLookup
{
    /// <summary>The office, unless Bookings has not had its data yet (only its closure arrived so far).</summary>
    public static Task<BookableOffice?> FindOfficeAsync(this BookingsDbContext db, Guid officeId, CancellationToken cancellationToken) =>
        db.Offices.AsNoTracking().SingleOrDefaultAsync(o => o.OfficeId == officeId && o.DescribedAt != null, cancellationToken);

    public static TimeZoneInfo Zone(this BookableOffice office) => TimeZoneInfo.FindSystemTimeZoneById(office.TimeZone);

    public static ProblemHttpResult NotAcceptingBookings() => TypedResults.Problem(
        statusCode: StatusCodes.Status422UnprocessableEntity,
        title: "This office takes no bookings.",
        detail: "The office has closed; please choose another office.");
}
