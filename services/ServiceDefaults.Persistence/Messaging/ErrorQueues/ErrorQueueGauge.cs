using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client.Exceptions;

namespace Quartier.ServiceDefaults.Messaging.ErrorQueues;

/// <summary>
/// Publishes <c>quartier.messaging.error_queue.depth</c> per error queue, so operators see failed messages
/// pile up in the dashboard before anyone complains. Depths are read every half minute.
/// </summary>
public sealed partial class ErrorQueueGauge : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private readonly BrokerConnection broker;
    private readonly ServiceQueues queues;
    private readonly TimeProvider time;
    private readonly ILogger<ErrorQueueGauge> logger;
    private IReadOnlyList<Measurement<long>> depths = [];

    public ErrorQueueGauge(BrokerConnection broker, ServiceQueues queues, TimeProvider time, IMeterFactory meters, ILogger<ErrorQueueGauge> logger)
    {
        this.broker = broker;
        this.queues = queues;
        this.time = time;
        this.logger = logger;
        meters.Create(Telemetry.TelemetryExtensions.SourcePrefix + "Messaging").CreateObservableGauge(
            "quartier.messaging.error_queue.depth", () => depths, "{message}", "Messages waiting in an error queue for an operator");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                depths = await ReadDepthsAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogUnavailable(logger, exception.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<List<Measurement<long>>> ReadDepthsAsync(CancellationToken cancellationToken)
    {
        var connection = await broker.GetAsync(cancellationToken);
        var measured = new List<Measurement<long>>();
        foreach (var queue in queues.ErrorQueues)
        {
            // MassTransit creates an error queue with the first fault; until then its depth is zero.
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            long depth;
            try
            {
                depth = (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
            }
            catch (OperationInterruptedException)
            {
                depth = 0;
            }

            measured.Add(new Measurement<long>(depth, new KeyValuePair<string, object?>("messaging.destination.name", queue)));
        }

        return measured;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Error queue depths unavailable: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string reason);
}
