using Quartier.ServiceDefaults.Telemetry;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Quartier.ServiceDefaults.Http;

/// <summary>Names the exceptions a request can legitimately cause; each concern (HTTP, the database) registers its own.</summary>
public interface IExceptionClassifier
{
    /// <summary>The problem to answer, or null when this classifier does not know the exception.</summary>
    ProblemDetails? Classify(Exception exception);
}

/// <summary>
/// Turns the exceptions a request can legitimately cause into problem details: unreadable input is the
/// caller's 400, an unreachable dependency a 503 with <c>Retry-After</c>. Anything no classifier knows
/// stays a 500 and is logged as the bug it is.
/// </summary>
public sealed partial class ProblemDetailsExceptionHandler(
    IEnumerable<IExceptionClassifier> classifiers,
    IProblemDetailsService problemDetails,
    ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = classifiers.Select(classifier => classifier.Classify(exception)).FirstOrDefault(found => found is not null);
        if (problem is null)
        {
            return false;
        }

        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            LogDependencyDown(logger, exception.GetType().Name, SecretLinkRedactor.Redact(httpContext.Request.Path.Value ?? string.Empty));
            httpContext.Response.Headers.RetryAfter = TryAgainLater.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>The answer for any dependency that is down or timing out, as opposed to a bug in the request.</summary>
    public static ProblemDetails DependencyOutage() => new()
    {
        Status = StatusCodes.Status503ServiceUnavailable,
        Title = "The service is temporarily unavailable.",
        Detail = "A dependency of this service is not reachable. Nothing was changed; please try again shortly.",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "A dependency is unavailable ({ExceptionType}) while serving {Path}; answering 503")]
    private static partial void LogDependencyDown(ILogger logger, string exceptionType, string path);
}

/// <summary>Unreadable requests (400 naming what was wrong) and network failures of any dependency (503).</summary>
public sealed class HttpExceptionClassifier : IExceptionClassifier
{
    public ProblemDetails? Classify(Exception exception) => exception switch
    {
        BadHttpRequestException bad => new ProblemDetails
        {
            Status = bad.StatusCode,
            Title = "The request could not be read.",
            Detail = DescribeBadRequest(bad),
        },
        _ when IsNetworkFailure(exception) => ProblemDetailsExceptionHandler.DependencyOutage(),
        _ => null,
    };

    /// <summary>A dependency did not answer on the network (refused, reset, timed out), whichever client was used.</summary>
    public static bool IsNetworkFailure(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is SocketException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }

    private static string DescribeBadRequest(BadHttpRequestException exception) =>
        exception.InnerException is JsonException json
            ? $"The body is not valid JSON for this request{(json.Path is { } path ? $" (at {path})" : string.Empty)}: {FirstSentence(json.Message)}"
            : exception.Message;

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
