using Microsoft.AspNetCore.Http.HttpResults;

namespace Quartier.Engagement.Common;

/// <summary>The problem answers the features share: 404, 409 for conflicts, 422 for broken rules.</summary>
public static class Problems
{
    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);

    public static ProblemHttpResult Unprocessable(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: title, detail: detail);

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{what} not found.");

    /// <summary>The office in the path is unknown (404) or closed (422).</summary>
    public static ProblemHttpResult OfficeNotUsable(Guid officeId, bool exists) => exists
        ? Unprocessable("The office is closed.", $"Office {officeId} is closed: it takes no new events, shifts or volunteers.")
        : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown office.", detail: $"Office {officeId} is not known to Engagement (yet).");
}
