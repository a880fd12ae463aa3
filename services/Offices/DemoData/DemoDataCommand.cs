using MassTransit;
using Microsoft.EntityFrameworkCore;
using Quartier.Offices.Data;
using Quartier.ServiceDefaults.Messaging.Outbox;
using Quartier.ServiceDefaults;

namespace Quartier.Offices.DemoData;

/// <summary>
/// <c>dotnet Offices.dll demo-data</c>: migrates, registers the three demo offices once, and relays
/// their events before exiting, so the other services' copies fill even when no Offices instance runs.
/// If the broker is unreachable the events stay in the outbox and the next running instance relays them.
/// Never run implicitly.
/// </summary>
public static partial class DemoDataCommand
{
    public const string Verb = "demo-data";
    private static readonly TimeSpan RelayTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public static async Task LoadDemoDataAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoDataCommand));
        var cancellationToken = app.Lifetime.ApplicationStopping;
        await app.MigrateDatabasesAsync();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var added = await DemoDataLoader.LoadAsync(
                scope.ServiceProvider.GetRequiredService<OfficesDbContext>(), scope.ServiceProvider.GetRequiredService<TimeProvider>(), cancellationToken);
            LogLoaded(logger, added, DemoOffices.All.Count - added);
        }

        if (await RelayOutboxAsync(app.Services, cancellationToken))
        {
            LogRelayed(logger);
        }
        else
        {
            LogLeftInOutbox(logger, RelayTimeout.TotalSeconds);
        }
    }

    /// <summary>Runs only the bus and the outbox relay (no web server) until the outbox is empty.</summary>
    private static async Task<bool> RelayOutboxAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var bus = services.GetRequiredService<IBusControl>();
        var relay = services.GetServices<IHostedService>().OfType<OutboxRelay<OfficesDbContext>>().Single();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RelayTimeout);
        try
        {
            await bus.StartAsync(timeout.Token);
            await relay.StartAsync(timeout.Token);
            while (await HasUnsentAsync(services, timeout.Token))
            {
                await Task.Delay(PollInterval, timeout.Token);
            }

            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        finally
        {
            await relay.StopAsync(CancellationToken.None);
            await bus.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<bool> HasUnsentAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OfficesDbContext>()
            .Set<OutboxMessage>().AnyAsync(message => message.SentAt == null, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: {Added} offices registered, {Present} were there already")]
    private static partial void LogLoaded(ILogger logger, int added, int present);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: every outbox event is published")]
    private static partial void LogRelayed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo data: the broker took longer than {Seconds} s; the events wait in the outbox for the running service to relay them")]
    private static partial void LogLeftInOutbox(ILogger logger, double seconds);
}
