using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Quartier.ServiceDefaults.Http;

/// <summary>What a process answers itself when a caller should come back later: problem details and <c>Retry-After</c>.</summary>
public static class TryAgainLater
{
    public const int RetryAfterSeconds = 5;

    public static Task WriteAsync(HttpContext context, int status, string title, string detail, int retryAfterSeconds = RetryAfterSeconds)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return Problems.WriteAsync(context, status, title, detail);
    }
}
