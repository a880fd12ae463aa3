using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Quartier.ServiceDefaults.Health;

public static class HealthExtensions
{
    /// <summary>Checks tagged <c>live</c> decide <c>/alive</c>; every check decides <c>/health</c>.</summary>
    public const string LiveTag = "live";

    /// <summary>A dependency that does not answer within this time counts as down, so probes stay fast.</summary>
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(3);

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        builder.Services.PostConfigure<HealthCheckServiceOptions>(options =>
        {
            foreach (var registration in options.Registrations.Where(r => r.Timeout == Timeout.InfiniteTimeSpan))
            {
                registration.Timeout = CheckTimeout;
            }
        });
        builder.Services.AddSingleton<IHealthCheckPublisher, HealthStatusGauge>();
        return builder;
    }

    /// <summary>
    /// <c>/health</c> is readiness: 200 while the process can serve its callers, even when degraded (a
    /// dependency it can work without, such as the broker behind the outbox, is away); <c>/alive</c> is
    /// liveness. <paramref name="detailed"/> writes each check's state and description, for operators
    /// inside the cluster; a public process answers its overall status only.
    /// </summary>
    public static WebApplication MapHealthEndpoints(this WebApplication app, bool detailed = true)
    {
        var writer = detailed ? WriteReportAsync : (Func<HttpContext, HealthReport, Task>)WriteStatusAsync;
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = writer }).AllowAnonymous();
        app.MapHealthChecks("/alive", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(LiveTag),
            ResponseWriter = writer,
        }).AllowAnonymous();
        return app;
    }

    /// <summary>Each check's status as JSON, so operators see which dependency is down.</summary>
    public static Task WriteReportAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new HealthStatusResponse(
            report.Status.ToString(),
            report.TotalDuration.TotalMilliseconds,
            report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new HealthStatusEntry(
                    entry.Value.Status.ToString(),
                    entry.Value.Description ?? entry.Value.Exception?.Message,
                    entry.Value.Duration.TotalMilliseconds)));
        return JsonSerializer.SerializeAsync(context.Response.Body, body, HealthJson.Options, context.RequestAborted);
    }

    private static Task WriteStatusAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, new HealthStatusOnly(report.Status.ToString()), HealthJson.Options, context.RequestAborted);
    }
}

/// <summary>
/// The last result of every health check as a metric (<c>quartier.health.status</c>: 2 healthy,
/// 1 degraded, 0 unhealthy, tagged with the check), so a dependency that is away shows on the dashboard
/// even while the process stays ready.
/// </summary>
internal sealed class HealthStatusGauge : IHealthCheckPublisher
{
    private readonly Dictionary<string, int> latest = [];

    public HealthStatusGauge(IMeterFactory meters) =>
        meters.Create(Telemetry.TelemetryExtensions.SourcePrefix + "Health").CreateObservableGauge(
            "quartier.health.status", Observe, "{status}", "State of each health check: 2 healthy, 1 degraded, 0 unhealthy");

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        lock (latest)
        {
            foreach (var (name, entry) in report.Entries)
            {
                latest[name] = (int)entry.Status;
            }
        }

        return Task.CompletedTask;
    }

    private IEnumerable<Measurement<int>> Observe()
    {
        lock (latest)
        {
            return latest.Select(entry => new Measurement<int>(entry.Value, new KeyValuePair<string, object?>("check", entry.Key))).ToList();
        }
    }
}

public sealed record HealthStatusResponse(string Status, double DurationMs, IReadOnlyDictionary<string, HealthStatusEntry> Checks);

public sealed record HealthStatusEntry(string Status, string? Description, double DurationMs);

public sealed record HealthStatusOnly(string Status);

public static class HealthJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
