using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Quartier.ServiceDefaults.Privacy;

/// <summary>
/// A resident's rights behind a management link (GDPR Art. 15, 17, 20), the same in every service:
/// <c>GET {link}/personal-data</c> answers everything stored about the booking, <c>DELETE</c> erases the
/// personal data at once and answers <see cref="PersonalDataErased"/>. Public: the link is the key.
/// </summary>
public static class PersonalDataRoutes
{
    public static RouteGroupBuilder MapPersonalData(this IEndpointRouteBuilder app, string managePath, string what, Delegate export, Delegate erase, string afterErasing)
    {
        var group = app.MapGroup(managePath + "/{token}/personal-data").WithTags("Privacy").AllowAnonymous();
        group.MapGet("/", export)
            .WithSummary($"Everything stored about the {what} behind a management link, as the resident's copy")
            .Produces(StatusCodes.Status404NotFound);
        group.MapDelete("/", erase)
            .WithSummary($"Erase the resident's personal data now; {afterErasing}, and the link opens nothing more")
            .Produces(StatusCodes.Status404NotFound);
        return group;
    }
}
