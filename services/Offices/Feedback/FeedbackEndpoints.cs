using Microsoft.AspNetCore.Http.HttpResults;

namespace Quartier.Offices.Feedback;

public static class FeedbackEndpoints
{
    public static RouteGroupBuilder MapAccessibilityFeedback(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/offices/{id:guid}/accessibility-feedback").WithTags("Accessibility feedback");
        group.MapPost("/", Report)
            .WithName("ReportBarrier")
            .WithSummary("Report a barrier on the pages to an office (public, no account)")
            .WithDescription("Forwards the report by e-mail to the office's public address, the resident's e-mail as Reply-To; nothing of it is kept once sent.")
            .AllowAnonymous()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return group;
    }

    private static async Task<Results<Accepted<FeedbackReceived>, ProblemHttpResult>> Report(Guid id, AccessibilityFeedbackRequest request, FeedbackMail mail, CancellationToken cancellationToken) =>
        await mail.ForwardAsync(id, request, cancellationToken) switch
        {
            (FeedbackOutcome.Queued, var name) => TypedResults.Accepted((string?)null, new FeedbackReceived(id, name!)),
            (FeedbackOutcome.UnknownOffice, _) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown office", detail: $"There is no office {id}."),
            (FeedbackOutcome.OfficeClosed, _) => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Office closed", detail: "The office is closed; reports go to the offices still open."),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Office has no e-mail address", detail: "The office has no e-mail address to receive reports; call it instead."),
        };
}
