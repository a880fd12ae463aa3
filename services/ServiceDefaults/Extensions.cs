using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartier.ServiceDefaults.Health;
using Quartier.ServiceDefaults.Hosting;
using Quartier.ServiceDefaults.Http;
using Quartier.ServiceDefaults.Telemetry;

namespace Quartier.ServiceDefaults;

/// <summary>
/// The hosting glue every Quartier process shares, as the Aspire service defaults shape it: telemetry,
/// health, problem details, JSON, OpenAPI, service discovery and resilience for outgoing HTTP, and
/// giving memory back at idle. A service's database and messaging come from ServiceDefaults.Persistence.
/// </summary>
public static class Extensions
{
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddQuartierTelemetry();
        builder.AddDefaultHealthChecks();
        builder.AddHttpConventions();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            // The default request logs write each full address, and residents' secret links are addresses; the traces keep the redacted one.
            http.RemoveAllLoggers();
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        builder.Services.AddSingleton<IdleMemoryTrim>();
        builder.Services.AddScheduledJob<IdleMemoryTrim>(_ => IdleMemoryTrim.CheckInterval);
        return builder;
    }

    /// <summary>
    /// Problem details for every error, including exceptions and bare status codes (a refused token's
    /// 401 and 403 among them); text no database can store and dates at the calendar's ends refused; then who is calling, when the
    /// service validates tokens.
    /// </summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseStorableTextOnly();
        app.UseDateBounds();
        if (app.Services.GetService<IAuthenticationSchemeProvider>() is not null)
        {
            app.UseAuthentication();
            app.UseAuthorization();
        }

        return app;
    }

    /// <summary><c>/health</c>, <c>/alive</c> and the OpenAPI document, open to anyone.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthEndpoints();
        app.MapOpenApi().AllowAnonymous();
        return app;
    }
}
