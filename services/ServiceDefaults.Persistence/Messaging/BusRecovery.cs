using System.Diagnostics.Metrics;
using MassTransit;
using MassTransit.RabbitMqTransport;
using MassTransit.RabbitMqTransport.Configuration;
using MassTransit.Transports;
using Microsoft.Extensions.Logging;
using Quartier.ServiceDefaults.Hosting;

namespace Quartier.ServiceDefaults.Messaging;

/// <summary>
/// Repairs what MassTransit 8.4 can leave broken after the broker restarted, once the broker answers again:
/// <list type="bullet">
/// <item>Its one cached broker connection, when that closed without MassTransit noticing (seen when
/// the broker shut down right as MassTransit reconnected). Every endpoint restart and every publish
/// would keep using the dead connection; dropping it makes the next user open a new one.</item>
/// <item>A receive endpoint that stays down: MassTransit gives up reconnecting it for good when the
/// connection dies with an exception its retry policy does not expect (an
/// <see cref="OperationCanceledException"/> among them; fixed upstream in 8.5, which needs a
/// RabbitMQ.Client we cannot restore). Its queue would fill while the service looks alive. Waiting
/// longer than MassTransit's own reconnect attempts after a short outage keeps this out of the way
/// of a recovery that is still under way.</item>
/// </list>
/// A singleton job: it remembers from one round to the next since when each endpoint is down.
/// </summary>
public sealed partial class BusRecovery : IScheduledJob
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(5);

    /// <summary>MassTransit retries 3, 6, 12 … s apart; after a short outage it is back well within this.</summary>
    public static readonly TimeSpan GivenUpAfter = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Covers opening a new connection, which MassTransit bounds by its own connect timeout.</summary>
    private static readonly TimeSpan ConnectionCheckTimeout = TimeSpan.FromSeconds(15);

    private readonly IBusInstance bus;
    private readonly BrokerConnection broker;
    private readonly TimeProvider time;
    private readonly ILogger<BusRecovery> logger;
    private readonly Counter<long> restarts;
    private readonly Counter<long> droppedConnections;
    private readonly Dictionary<Uri, DateTimeOffset> downSince = [];

    public BusRecovery(IBusInstance bus, BrokerConnection broker, TimeProvider time, IMeterFactory meters, ILogger<BusRecovery> logger)
    {
        this.bus = bus;
        this.broker = broker;
        this.time = time;
        this.logger = logger;
        var meter = meters.Create(Telemetry.TelemetryExtensions.SourcePrefix + "Messaging");
        restarts = meter.CreateCounter<long>(
            "quartier.messaging.receive_endpoint.restarts", "{restart}", "Receive endpoints restarted because they did not recover by themselves");
        droppedConnections = meter.CreateCounter<long>(
            "quartier.messaging.connection.dropped", "{connection}", "Broker connections MassTransit kept using after they had closed");
    }

    public async Task<string?> RunOnceAsync(CancellationToken cancellationToken)
    {
        var endpointsDown = EndpointsDownTooLong();
        if (!await BrokerAnswersAsync(cancellationToken))
        {
            // The broker is away: MassTransit's reconnect is the right thing to wait for.
            return null;
        }

        var repairs = new List<string>();
        if (await DroppedClosedConnectionAsync(cancellationToken))
        {
            repairs.Add("a closed broker connection dropped");
        }

        foreach (var endpoint in endpointsDown)
        {
            await RestartAsync(endpoint, cancellationToken);
        }

        if (endpointsDown.Count > 0)
        {
            repairs.Add($"{endpointsDown.Count} receive endpoint(s) restarted");
        }

        return repairs.Count > 0 ? string.Join("; ", repairs) : null;
    }

    private List<EndpointHealthResult> EndpointsDownTooLong()
    {
        var now = time.GetUtcNow();
        var endpoints = bus.BusControl.CheckHealth().Endpoints.Values;
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

    private async Task<bool> BrokerAnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            await broker.GetAsync(cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// Sends a check through MassTransit's connection supervisor: a failing use is how the supervisor
    /// learns that its cached connection is gone. Sent without a token, because a use cancelled while
    /// the connection is being opened would abandon that connection; the wait is bounded from outside.
    /// </summary>
    private async Task<bool> DroppedClosedConnectionAsync(CancellationToken cancellationToken)
    {
        if (bus.HostConfiguration is not IRabbitMqHostConfiguration rabbitMq)
        {
            return false;
        }

        var check = Pipe.Execute<ConnectionContext>(context =>
        {
            if (!context.Connection.IsOpen)
            {
                throw new ClosedConnectionException(context.Connection.CloseReason?.ToString());
            }
        });
        try
        {
            await rabbitMq.ConnectionContextSupervisor.Send(check, CancellationToken.None).WaitAsync(ConnectionCheckTimeout, time, cancellationToken);
            return false;
        }
        catch (ClosedConnectionException closed)
        {
            LogDroppedConnection(logger, rabbitMq.HostAddress, closed);
            droppedConnections.Add(1);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Opening a new connection failed or took long: MassTransit's own retries carry on from here.
            return false;
        }
    }

    private async Task RestartAsync(EndpointHealthResult endpoint, CancellationToken stoppingToken)
    {
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
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Receive endpoint {InputAddress} has been down for {Seconds:0} s although the broker answers ({State}); restarting it")]
    private static partial void LogRestarting(ILogger logger, Uri inputAddress, double seconds, string? state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Receive endpoint {InputAddress} did not stop cleanly before its restart")]
    private static partial void LogStopFailed(ILogger logger, Uri inputAddress, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The connection to {HostAddress} had closed without MassTransit noticing; dropped it so that the next use opens a new one")]
    private static partial void LogDroppedConnection(ILogger logger, Uri hostAddress, Exception closed);

    private sealed class ClosedConnectionException(string? closeReason) : Exception($"The broker connection is closed: {closeReason}");
}
