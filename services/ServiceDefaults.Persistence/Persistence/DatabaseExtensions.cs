using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Quartier.ServiceDefaults.Hosting;
using Quartier.ServiceDefaults.Http;
using Quartier.ServiceDefaults.Idempotency;
using Quartier.ServiceDefaults.Messaging.Outbox;
using Quartier.ServiceDefaults.Privacy;

namespace Quartier.ServiceDefaults.Persistence;

public static class DatabaseExtensions
{
    /// <summary>Fail fast when the database is away, so callers get a 503 quickly rather than hanging.</summary>
    private const int DefaultConnectTimeoutSeconds = 5;

    private const int AutoPreparedStatements = 64;

    /// <summary>
    /// The service's own PostgreSQL database from <c>ConnectionStrings:{connectionName}</c>,
    /// its readiness check, and the outbox relay that publishes what it commits.
    /// </summary>
    public static TBuilder AddServiceDatabase<TContext, TBuilder>(this TBuilder builder, string connectionName)
        where TContext : DbContext
        where TBuilder : IHostApplicationBuilder
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not configured (an Npgsql connection string).");
        }

        var settings = new NpgsqlConnectionStringBuilder(connectionString);

        // A setting the connection string gives itself, spelt with or without spaces, wins over ours.
        bool Specifies(string setting) =>
            connectionString.Contains(setting, StringComparison.OrdinalIgnoreCase)
            || connectionString.Contains(setting.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);

        if (!Specifies("Timeout"))
        {
            settings.Timeout = DefaultConnectTimeoutSeconds;
        }

        // The same few statements run on every request: prepared once per connection, PostgreSQL
        // parses and plans them once instead of on every execution.
        if (!Specifies("Auto Prepare"))
        {
            settings.MaxAutoPrepare = AutoPreparedStatements;
        }

        // No statement here changes session state (advisory locks are transaction-scoped), so a
        // connection needs no reset when it returns to the pool; the reset would cost PostgreSQL
        // several statements on every request, as EF opens and closes the connection per operation.
        if (!Specifies("Reset On Close"))
        {
            settings.NoResetOnClose = true;
        }

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.TryAddSingleton<OutboxMetrics>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IInterceptor, OutboxSignalInterceptor>());
        // Pooled contexts: a request reuses a context instead of building one and its services anew.
        // A failed save or command surfaces as an exception that the caller handles (a lost race for a
        // seat answers 409) or that the request pipeline, the consumer or the job logs; EF's own entries
        // would log every expected conflict a second time, as an error with its stack trace. The interceptors are
        // the outbox signal's and any a service registers as an IInterceptor of its own.
        builder.Services.AddDbContextPool<TContext>((services, options) => options
            .UseNpgsql(settings.ConnectionString)
            .ConfigureWarnings(warnings => warnings.Log((CoreEventId.SaveChangesFailed, LogLevel.Debug), (RelationalEventId.CommandError, LogLevel.Debug)))
            .AddInterceptors(services.GetServices<IInterceptor>()));

        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>("database");
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IExceptionClassifier, DatabaseExceptionClassifier>());
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddNpgsql());
        builder.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter("Npgsql"));
        builder.Services.AddHostedService<OutboxRelay<TContext>>();
        builder.Services.AddScheduledJob<Housekeeping<TContext>>(_ => Housekeeping<TContext>.Interval);
        builder.Services.AddOptions<RetentionPeriods>().BindConfiguration(RetentionPeriods.Section).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RetentionPeriods>, RetentionPeriodsValidation>());
        builder.Services.AddScoped<IIdempotencyStore, IdempotencyStore<TContext>>();
        builder.Services.AddSingleton<IMigratable, Migratable<TContext>>();
        return builder;
    }
}
