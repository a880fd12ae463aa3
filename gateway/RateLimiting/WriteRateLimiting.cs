using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Quartier.ServiceDefaults.Http;

namespace Quartier.Gateway.RateLimiting;

/// <summary>How many writes one client (IP address) may send through the gateway.</summary>
public sealed class WriteRateLimitOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Sustained writes per minute and client.</summary>
    public int WritesPerMinute { get; set; } = 120;

    /// <summary>Writes a client may send at once before the sustained rate applies.</summary>
    public int WriteBurst { get; set; } = 30;

    /// <summary>Sign-in attempts (passwords, codes, token requests) per minute and client; the account itself locks after five failures.</summary>
    public int SignInsPerMinute { get; set; } = 10;
}

/// <summary>
/// Public writes (bookings, callbacks, sign-ups, registrations — anything but GET, HEAD and OPTIONS)
/// are limited per client IP with a token bucket, so one script cannot fill an office's calendar or
/// flood the services; reads stay unlimited. A client over its limit gets 429 problem details with
/// <c>Retry-After</c>. Behind a proxy (an ingress), set <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c>
/// so the client's address comes from <c>X-Forwarded-For</c> rather than the proxy's.
/// </summary>
public static class WriteRateLimiting
{
    public static WebApplicationBuilder AddWriteRateLimiting(this WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection(WriteRateLimitOptions.Section).Get<WriteRateLimitOptions>() ?? new WriteRateLimitOptions();
        if (limits.WritesPerMinute < 1 || limits.WriteBurst < 1)
        {
            throw new InvalidOperationException($"{WriteRateLimitOptions.Section}:WritesPerMinute and :WriteBurst must be at least 1.");
        }

        // A token a second (or several) at a minute's rate or more; below that one token per fraction of a minute.
        var (tokens, period) = limits.WritesPerMinute >= 60
            ? ((int)Math.Ceiling(limits.WritesPerMinute / 60d), TimeSpan.FromSeconds(1))
            : (1, TimeSpan.FromMinutes(1) / limits.WritesPerMinute);
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            TokenLimit = limits.WriteBurst,
            QueueLimit = 0,
            AutoReplenishment = true,
        };

        var signIns = new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, limits.SignInsPerMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };
        builder.Services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsWrite(context.Request)
                    ? RateLimitPartition.GetTokenBucketLimiter(ClientOf(context), _ => bucket)
                    : RateLimitPartition.GetNoLimiter("reads")),
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignIn(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(ClientOf(context), _ => signIns)
                    : RateLimitPartition.GetNoLimiter("other")));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
        });
        return builder;
    }

    private static string ClientOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>A password, a second-factor code or a token request: what someone guessing would send.</summary>
    private static bool IsSignIn(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && (request.Path.StartsWithSegments("/account") || request.Path.StartsWithSegments("/connect/token"));

    private static bool IsWrite(HttpRequest request) =>
        !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
        await TryAgainLater.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests,
            "Too many requests.", $"Too many changes or sign-in attempts from your address in a short time. Please try again in {seconds} seconds.", seconds);
    }
}
