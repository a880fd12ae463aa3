using System.Diagnostics.Metrics;

namespace Quartier.ServiceDefaults.Messaging.Outbox;

/// <summary>How the outbox keeps up: messages published, commit-to-publish latency and what is still waiting.</summary>
public sealed class OutboxMetrics
{
    public const string MeterName = Telemetry.TelemetryExtensions.SourcePrefix + "Outbox";

    private readonly Counter<long> published;
    private readonly Histogram<double> relayLatency;
    private long backlog;

    public OutboxMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        published = meter.CreateCounter<long>("quartier.outbox.published", "{message}", "Outbox messages published to the broker");
        relayLatency = meter.CreateHistogram<double>("quartier.outbox.relay_latency", "s", "Time from saving an outbox message to its confirmed publish");
        meter.CreateObservableGauge("quartier.outbox.backlog", () => Interlocked.Read(ref backlog), "{message}", "Outbox messages not yet published");
    }

    public void Published(string messageType, TimeSpan sinceSaved)
    {
        published.Add(1, new KeyValuePair<string, object?>("messaging.message.type", messageType));
        relayLatency.Record(sinceSaved.TotalSeconds);
    }

    public void Backlog(long unsent) => Interlocked.Exchange(ref backlog, unsent);
}
