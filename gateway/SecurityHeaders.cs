using Microsoft.Net.Http.Headers;

namespace Quartier.Gateway;

/// <summary>
/// Every answer through the gateway: no content sniffing, no referrer (a resident's management link is
/// in the address and must not travel to another site), never in a frame, no browser features the
/// platform does not use. Dynamic answers (pages, JSON, calendars, CSV) may hold personal data or a
/// management link, so no cache keeps them; static files keep the caching they were served with.
/// </summary>
public static class SecurityHeaders
{
    private static readonly string[] DynamicMediaTypes = ["text/html", "application/json", "application/problem+json", "text/calendar", "text/csv"];

    /// <summary>First in the pipeline, so that answers of every later middleware carry them too.</summary>
    public static WebApplicationBuilder AddSecurityHeaders(this WebApplicationBuilder builder)
    {
        builder.Services.AddTransient<IStartupFilter, FirstInPipeline>();
        return builder;
    }

    private sealed class FirstInPipeline : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(AddHeaders);
            next(app);
        };
    }

    private static Task AddHeaders(HttpContext context, RequestDelegate next)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            if (headers.CacheControl.Count == 0 && IsDynamic(context.Response.ContentType))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }

    private static bool IsDynamic(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && DynamicMediaTypes.Contains(mediaType.MediaType.Value, StringComparer.OrdinalIgnoreCase);
}
