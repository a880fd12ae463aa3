using Quartier.ServiceDefaults.Http;
using Yarp.ReverseProxy.Forwarder;

namespace Quartier.Gateway;

/// <summary>
/// A service the gateway cannot reach (stopped, restarting, no ready instance) is an outage like any
/// other: the caller gets 503 problem details with <c>Retry-After</c>, not an empty 502.
/// </summary>
public static class UnreachableServices
{
    public static WebApplication UseUnreachableServiceProblems(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            await next(context);
            if (context.Response.HasStarted
                || context.GetForwarderErrorFeature() is not { Error: ForwarderError.Request or ForwarderError.RequestTimedOut or ForwarderError.NoAvailableDestinations })
            {
                return;
            }

            context.Response.Clear();
            await TryAgainLater.WriteAsync(context, StatusCodes.Status503ServiceUnavailable,
                "Temporarily unavailable.", $"This part of the platform cannot be reached right now. Please try again in {TryAgainLater.RetryAfterSeconds} seconds.");
        });
        return app;
    }
}
