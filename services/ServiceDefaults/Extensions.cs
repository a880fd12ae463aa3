using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartier.ServiceDefaults.Health;
using Quartier.ServiceDefaults.Hosting;
using Quartier.ServiceDefaults.Http;
using Quartier.ServiceDefaults.Telemetry;

namespace Quartier.ServiceDefaults;

/// <summary>
/// The hosting glue every Quartier process shares: telemetry, health, problem details, JSON, OpenAPI and
/// giving memory back at idle.
/// Messaging and the database are added per service with <c>AddMessaging</c> and <c>AddServiceDatabase</c>.
/// </summary>
public static class Extensions
{
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddQuartierTelemetry();
        builder.AddDefaultHealthChecks();
        builder.AddHttpConventions();
        builder.Services.AddSingleton<IdleMemoryTrim>();
        builder.Services.AddScheduledJob<IdleMemoryTrim>(_ => IdleMemoryTrim.CheckInterval);
        return builder;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseHttpConventions();
        app.MapHealthEndpoints();
        app.MapOpenApi();
        return app;
    }
}
