using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Quartier.ServiceDefaults.Security;

public static class StaffEndpoints
{
    private static readonly string[] ProblemContentTypes = ["application/problem+json"];

    /// <summary>
    /// Staff only, under a named policy: no token is a 401, a token without the permission a 403, both
    /// as problem details and documented in OpenAPI. <paramref name="scheme"/> names the scheme when it is not the default.
    /// </summary>
    public static TBuilder RequireStaff<TBuilder>(this TBuilder builder, string policy, string? scheme = null) where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .RequireAuthorization(new AuthorizeAttribute(policy) { AuthenticationSchemes = scheme })
            .WithMetadata(
                new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized, typeof(ProblemDetails), ProblemContentTypes),
                new ProducesResponseTypeMetadata(StatusCodes.Status403Forbidden, typeof(ProblemDetails), ProblemContentTypes));
    }

    /// <summary>The answer when a record the endpoint reached belongs to an office the caller does not work for.</summary>
    public static ProblemHttpResult OtherOffice() => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        title: "This belongs to another office.",
        detail: "Your account has no role in the office this record belongs to.");
}
