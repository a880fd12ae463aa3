using System.Globalization;

namespace Quartier.Gateway;

/// <summary>What the gateway answers itself when a caller should come back later: problem details and <c>Retry-After</c>.</summary>
public static class TryAgainLater
{
    public static Task WriteAsync(HttpContext context, int status, int retryAfterSeconds, string title, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }
}
