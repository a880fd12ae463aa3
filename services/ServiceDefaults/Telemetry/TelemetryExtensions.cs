using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Quartier.ServiceDefaults.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>Name prefix of the platform's own ActivitySources and Meters (e.g. <c>Quartier.Bookings</c>).</summary>
    public const string SourcePrefix = "Quartier.";

    // The frameworks emit through built-in sources and meters, which stand in for the
    // OpenTelemetry.Instrumentation.* packages that are not available here.
    private static readonly string[] TraceSources =
    [
        "Microsoft.AspNetCore",
        "System.Net.Http",
        "MassTransit",
        "Npgsql",
        "Yarp.ReverseProxy",
        SourcePrefix + "*",
    ];

    private static readonly string[] Meters =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.RateLimiting",
        "System.Net.Http",
        "System.Net.NameResolution",
        "System.Runtime",
        "MassTransit",
        "Npgsql",
        SourcePrefix + "*",
    ];

    /// <summary>
    /// Traces, metrics and logs through OpenTelemetry; exported over OTLP only when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (no endpoint, no export).
    /// </summary>
    public static TBuilder AddQuartierTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } configured
            ? configured
            : builder.Environment.ApplicationName.ToLowerInvariant();

        var telemetry = new OpenTelemetryServices(builder.Services)
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing => tracing.AddSource(TraceSources).AddProcessor(new SecretLinkRedactor()))
            .WithMetrics(metrics => metrics.AddMeter(Meters))
            .WithLogging(configureBuilder: null, configureOptions: options =>
            {
                options.IncludeScopes = true;
                options.IncludeFormattedMessage = true;
            });

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        builder.Services.AddHostedService<TelemetryStartup>();
        return builder;
    }

    /// <summary>
    /// Stands in for OpenTelemetry.Extensions.Hosting (not available here): the SDK's own
    /// <c>With*</c> extensions only need an <see cref="IOpenTelemetryBuilder"/> over the service collection.
    /// </summary>
    private sealed class OpenTelemetryServices(IServiceCollection services) : IOpenTelemetryBuilder
    {
        public IServiceCollection Services { get; } = services;
    }

    /// <summary>Resolves the providers at start so that listening begins before the first request.</summary>
    private sealed class TelemetryStartup(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            services.GetService<TracerProvider>();
            services.GetService<MeterProvider>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
