using Quartier.Gateway.RateLimiting;
using Yarp.ReverseProxy.Configuration;

namespace Quartier.Gateway;

public static class Extensions
{
    /// <summary>The services behind the gateway; each owns the path prefix <c>/api/{name}</c>.</summary>
    public static IReadOnlyList<string> Services { get; } = ["offices", "bookings", "engagement", "reporting"];

    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        var destinations = Services.ToDictionary(service => service, service => ServiceAddresses(builder.Configuration, service));

        var routes = Services.Select(service => new RouteConfig
        {
            RouteId = service,
            ClusterId = service,
            Match = new RouteMatch { Path = $"/api/{service}/{{**rest}}" },
        }).ToList();

        var clusters = Services.Select(service => new ClusterConfig
        {
            ClusterId = service,
            LoadBalancingPolicy = "RoundRobin",
            Destinations = destinations[service]
                .Select((address, index) => (address, index))
                .ToDictionary(d => $"{service}-{d.index}", d => new DestinationConfig { Address = d.address.ToString() }),
        }).ToList();

        builder.Services.AddReverseProxy().LoadFromMemory(routes, clusters);
        builder.AddWriteRateLimiting();

        // The gateway is ready when every service behind it is; /health shows each one's state.
        var health = builder.Services.AddHealthChecks();
        foreach (var service in Services)
        {
            health.AddTypeActivatedCheck<ServiceHealthCheck>(service, args: [destinations[service][0]]);
        }

        builder.Services.AddHttpClient(ServiceHealthCheck.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(2));
        return builder;
    }

    /// <summary>Writes pass the rate limiter before they are proxied to the services; an unreachable service is a 503.</summary>
    public static WebApplication MapGateway(this WebApplication app)
    {
        app.UseRateLimiter();
        app.UseUnreachableServiceProblems();
        app.MapReverseProxy();
        return app;
    }

    /// <summary>
    /// Addresses from <c>services:{name}:http:{index}</c> (<c>services__offices__http__0</c> in the
    /// environment), as Aspire and the local runner inject them; several indexes mean several instances.
    /// </summary>
    private static List<Uri> ServiceAddresses(IConfiguration configuration, string service)
    {
        var addresses = configuration.GetSection($"services:{service}:http").GetChildren()
            .OrderBy(entry => int.TryParse(entry.Key, out var index) ? index : int.MaxValue)
            .Select(entry => entry.Value)
            .OfType<string>()
            .Select(value => new Uri(value))
            .ToList();
        return addresses.Count > 0
            ? addresses
            : throw new InvalidOperationException($"services__{service}__http__0 is not configured: the gateway needs the address of the {service} service.");
    }
}
