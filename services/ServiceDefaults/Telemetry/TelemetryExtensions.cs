using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Quartier.ServiceDefaults.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>Name prefix of the platform's own ActivitySources and Meters (e.g. <c>Quartier.Bookings</c>).</summary>
    public const string SourcePrefix = "Quartier.";

    /// <summary>Requests of the orchestrator's and Kubernetes' probes: every few seconds, and nobody's trace.</summary>
    private static readonly PathString[] ProbePaths = ["/health", "/alive"];

    /// <summary>
    /// Traces, metrics and logs through OpenTelemetry, as the Aspire service defaults shape them; exported
    /// over OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (no endpoint, no export). Libraries
    /// that only some processes carry (Npgsql, MassTransit, YARP) add their sources where they are wired.
    /// </summary>
    public static TBuilder AddQuartierTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } configured
            ? configured
            : builder.Environment.ApplicationName.ToLowerInvariant();

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            // Scopes would carry each request's path, and the pages' paths hold residents' secret links.
            logging.IncludeScopes = false;
        });

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Microsoft.AspNetCore.RateLimiting", SourcePrefix + "*"))
            .WithTracing(tracing => tracing
                .AddSource(SourcePrefix + "*")
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !ProbePaths.Any(path => context.Request.Path.StartsWithSegments(path)))
                .AddHttpClientInstrumentation()
                .AddProcessor(new SecretLinkRedactor()));

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>Traces and metrics of a library this process carries, by its ActivitySource and Meter names.</summary>
    public static IServiceCollection AddTelemetrySources(this IServiceCollection services, params string[] names)
    {
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(names));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(names));
        return services;
    }
}
