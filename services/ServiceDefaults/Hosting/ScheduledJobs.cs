using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Quartier.ServiceDefaults.Hosting;

/// <summary>Upkeep a service does on a schedule (purges, overdue detection, announcements); each round runs in a scope of its own.</summary>
public interface IScheduledJob
{
    /// <summary>One round. Answers what it did, for the log, or null when there was nothing to do.</summary>
    Task<string?> RunOnceAsync(CancellationToken cancellationToken);
}

public static class ScheduledJobs
{
    /// <summary>
    /// Runs <typeparamref name="TJob"/> when the service starts and then every <paramref name="interval"/>;
    /// a failed round (database away, say) is logged and the next one tries again. The job is scoped
    /// unless it was registered before.
    /// </summary>
    public static IServiceCollection AddScheduledJob<TJob>(this IServiceCollection services, Func<IServiceProvider, TimeSpan> interval)
        where TJob : class, IScheduledJob
    {
        ArgumentNullException.ThrowIfNull(interval);
        services.TryAddScoped<TJob>();
        services.AddHostedService(provider => ActivatorUtilities.CreateInstance<ScheduledJobRunner<TJob>>(provider, interval(provider)));
        return services;
    }
}

internal sealed partial class ScheduledJobRunner<TJob>(IServiceScopeFactory scopes, TimeProvider time, TimeSpan interval, ILogger<ScheduledJobRunner<TJob>> logger)
    : BackgroundService
    where TJob : class, IScheduledJob
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<TJob>().RunOnceAsync(stoppingToken) is { } done)
                {
                    LogDone(logger, typeof(TJob).Name, done);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception, typeof(TJob).Name, interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Job}: {Done}")]
    private static partial void LogDone(ILogger logger, string job, string done);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Job} failed; trying again in {Interval}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string job, TimeSpan interval);
}
