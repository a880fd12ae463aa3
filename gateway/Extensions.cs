using Quartier.Gateway.RateLimiting;
using Quartier.ServiceDefaults.Health;
using Scalar.AspNetCore;
using Yarp.ReverseProxy.Configuration;

namespace Quartier.Gateway;

public static class Extensions
{
    /// <summary>The services behind the gateway; each owns the path prefix <c>/api/{name}</c>.</summary>
    public static IReadOnlyList<string> Services { get; } = ["offices", "bookings", "engagement", "reporting", "identity"];

    /// <summary>The pages residents and staff read; everything no other route claims.</summary>
    public const string Web = "web";

    /// <summary>What identity serves beside its API: the OpenID Connect endpoints, discovery and keys, and the sign-in pages.</summary>
    public static IReadOnlyList<string> IdentityPaths { get; } = ["/connect/{**rest}", "/.well-known/{**rest}", "/account/{**rest}"];

    /// <summary>
    /// Routes <c>/api/{service}/**</c> to the service and <c>/openapi/{service}.json</c> to its OpenAPI
    /// document. Destinations are service names (<c>http://offices</c>), resolved by service discovery
    /// from <c>services:{name}:http:{index}</c> as Aspire and Kubernetes set them; several indexes are
    /// several instances.
    /// </summary>
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        var routes = Services.SelectMany(service => new[]
        {
            new RouteConfig
            {
                RouteId = service,
                ClusterId = service,
                Match = new RouteMatch { Path = $"/api/{service}/{{**rest}}" },
            },
            new RouteConfig
            {
                RouteId = $"{service}-openapi",
                ClusterId = service,
                Match = new RouteMatch { Path = $"/openapi/{service}.json", Methods = ["GET"] },
                Transforms = [new Dictionary<string, string> { ["PathSet"] = "/openapi/v1.json" }],
            },
        }).Concat(IdentityPaths.Select((path, index) => new RouteConfig
        {
            RouteId = $"identity-pages-{index}",
            ClusterId = "identity",
            Match = new RouteMatch { Path = path },
            // Sign-in redirects and cookies must name the address the browser used, not the service's.
            Transforms = [new Dictionary<string, string> { ["RequestHeaderOriginalHost"] = "true" }],
        })).Append(new RouteConfig
        {
            RouteId = Web,
            ClusterId = Web,
            // After every other route: the API paths, identity's and the gateway's own.
            Order = int.MaxValue,
            Match = new RouteMatch { Path = "/{**rest}" },
            Transforms = [new Dictionary<string, string> { ["RequestHeaderOriginalHost"] = "true" }],
        }).ToList();

        var clusters = Services.Append(Web).Select(service => new ClusterConfig
        {
            ClusterId = service,
            LoadBalancingPolicy = "RoundRobin",
            Destinations = new Dictionary<string, DestinationConfig> { [service] = new() { Address = ServiceAddress(service).ToString() } },
        }).ToList();

        builder.AddSecurityHeaders();
        builder.ReadHeadersAsLatin1();
        builder.Services.AddReverseProxy()
            .LoadFromMemory(routes, clusters)
            .AddServiceDiscoveryDestinationResolver();
        builder.AddWriteRateLimiting();

        // The gateway is ready when every service behind it is.
        var health = builder.Services.AddHealthChecks();
        foreach (var service in Services.Append(Web))
        {
            health.AddTypeActivatedCheck<ServiceHealthCheck>(service, args: [ServiceAddress(service)]);
        }

        builder.Services.AddHttpClient(ServiceHealthCheck.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(2));
        return builder;
    }

    /// <summary>
    /// Headers that cannot be forwarded are refused; writes pass the rate limiter before they are proxied;
    /// an unreachable service is a 503. The public
    /// <c>/health</c> answers the overall status only; <c>/api-reference</c> lists every service's API.
    /// </summary>
    public static WebApplication MapGateway(this WebApplication app)
    {
        app.UseForwardableHeadersOnly();
        app.UseRateLimiter();
        app.UseUnreachableServiceProblems();
        app.MapHealthEndpoints(detailed: false);
        // Everything from the gateway itself: no fonts, proxy or telemetry from third parties.
        app.MapScalarApiReference("/api-reference", options => options
            .WithTitle("Quartier Platform API")
            .AddDocuments(Services)
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp());
        app.MapReverseProxy();
        return app;
    }

    private static Uri ServiceAddress(string service) => new($"http://{service}");
}
