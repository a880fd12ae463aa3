using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartier.Testing;

namespace Quartier.Benchmarks;

/// <summary>The whole platform as the AppHost starts it, with its demo offices, staff and bookings, reached through the gateway.</summary>
public sealed class DemoPlatform : IAsyncDisposable
{
    /// <summary>Every demo staff account's password.</summary>
    public const string StaffPassword = "Quartier Demo 2026";

    private readonly IsolatedInfrastructure infrastructure;
    private readonly DistributedApplication app;

    private DemoPlatform(IsolatedInfrastructure infrastructure, DistributedApplication app, Uri gateway) =>
        (this.infrastructure, this.app, Gateway) = (infrastructure, app, gateway);

    public Uri Gateway { get; }

    public static async Task<DemoPlatform> StartAsync()
    {
        var infrastructure = IsolatedInfrastructure.Create();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            new DistributedApplicationTestingBuilderOptions { EnableDashboard = false },
            [.. infrastructure.AppHostArguments, "DemoData=true"]);
        builder.Services.AddLogging(logging => logging.ClearProviders());
        // Every resident of a run comes from this one address: the gateway's per-address limit on
        // writes (a script filling a calendar) would refuse most of them.
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(resource => resource.Name == "gateway"))
            .WithEnvironment("RateLimiting__WritesPerMinute", "100000")
            .WithEnvironment("RateLimiting__WriteBurst", "100000");
        var app = await builder.BuildAsync();
        await app.StartAsync();
        await app.ResourceNotifications.WaitForResourceHealthyAsync("gateway");
        await app.ResourceNotifications.WaitForResourceAsync("demo-bookings", KnownResourceStates.Finished);
        return new DemoPlatform(infrastructure, app, app.GetEndpoint("gateway", "http"));
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        infrastructure.Dispose();
    }
}
