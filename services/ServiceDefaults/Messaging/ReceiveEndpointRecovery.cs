using System.Diagnostics.Metrics;
using MassTransit;
using Microsoft.Extensions.Logging;
using Quartier.ServiceDefaults.Hosting;

namespace Quartier.ServiceDefaults.Messaging;

/// <summary>
/// Restarts a receive endpoint that stays down while the broker answers. MassTransit 8.4 gives up
/// reconnecting an endpoint for good when the connection dies with an exception its retry policy
/// does not expect (an <see cref="OperationCanceledException"/> among them; fixed upstream in 8.5,
/// which needs a RabbitMQ.Client we cannot restore). The endpoint then stays faulted or stopped,
/// its queue fills and the service looks alive. Waiting longer than MassTransit's own reconnect
/// attempts after a short outage keeps this out of the way of a recovery that is still under way.
/// A singleton job: it remembers from one round to the next since when each endpoint is down.
/// </summary>
public sealed partial class ReceiveEndpointRecovery : IScheduledJob
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(5);

    /// <summary>MassTransit retries 3, 6, 12 … s apart; after a short outage it is back well within this.</summary>
    public static readonly TimeSpan GivenUpAfter = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly IBusControl bus;
    private readonly BrokerConnection broker;
    private readonly TimeProvider time;
    private readonly ILogger<ReceiveEndpointRecovery> logger;
    private readonly Counter<long> restarts;
    private readonly Dictionary<Uri, DateTimeOffset> downSince = [];

    public ReceiveEndpointRecovery(IBusControl bus, BrokerConnection broker, TimeProvider time, IMeterFactory meters, ILogger<ReceiveEndpointRecovery> logger)
    {
        this.bus = bus;
        this.broker = broker;
        this.time = time;
        this.logger = logger;
        restarts = meters.Create(Telemetry.TelemetryExtensions.SourcePrefix + "Messaging").CreateCounter<long>(
            "quartier.messaging.receive_endpoint.restarts", "{restart}", "Receive endpoints restarted because they did not recover by themselves");
    }

    public async Task<string?> RunOnceAsync(CancellationToken cancellationToken)
    {
        var restarted = 0;
        foreach (var endpoint in EndpointsDownTooLong())
        {
            if (await RestartWhenBrokerAnswersAsync(endpoint, cancellationToken))
            {
                restarted++;
            }
        }

        return restarted > 0 ? $"{restarted} receive endpoint(s) restarted" : null;
    }

    private List<EndpointHealthResult> EndpointsDownTooLong()
    {
        var now = time.GetUtcNow();
        var endpoints = bus.CheckHealth().Endpoints.Values;
        var down = endpoints.Where(endpoint => endpoint.Status != BusHealthStatus.Healthy).ToList();
        foreach (var recovered in downSince.Keys.Except(down.Select(endpoint => endpoint.InputAddress)).ToList())
        {
            downSince.Remove(recovered);
        }

        foreach (var endpoint in down)
        {
            downSince.TryAdd(endpoint.InputAddress, now);
        }

        return down.Where(endpoint => now - downSince[endpoint.InputAddress] >= GivenUpAfter).ToList();
    }

    private async Task<bool> RestartWhenBrokerAnswersAsync(EndpointHealthResult endpoint, CancellationToken stoppingToken)
    {
        try
        {
            await broker.GetAsync(stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The broker is away: MassTransit's reconnect is the right thing to wait for.
            return false;
        }

        LogRestarting(logger, endpoint.InputAddress, (time.GetUtcNow() - downSince[endpoint.InputAddress]).TotalSeconds, endpoint.Description);
        using var stopTimeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        stopTimeout.CancelAfter(StopTimeout);
        try
        {
            await endpoint.ReceiveEndpoint.Stop(stopTimeout.Token);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            LogStopFailed(logger, endpoint.InputAddress, exception);
        }

        endpoint.ReceiveEndpoint.Start(stoppingToken);
        downSince[endpoint.InputAddress] = time.GetUtcNow();
        restarts.Add(1, new KeyValuePair<string, object?>("messaging.destination.name", endpoint.InputAddress.AbsolutePath.TrimStart('/')));
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Receive endpoint {InputAddress} has been down for {Seconds:0} s although the broker answers ({State}); restarting it")]
    private static partial void LogRestarting(ILogger logger, Uri inputAddress, double seconds, string? state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Receive endpoint {InputAddress} did not stop cleanly before its restart")]
    private static partial void LogStopFailed(ILogger logger, Uri inputAddress, Exception exception);
}
