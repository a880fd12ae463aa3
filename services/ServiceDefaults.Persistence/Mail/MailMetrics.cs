using System.Diagnostics.Metrics;

namespace Quartier.ServiceDefaults.Mail;

/// <summary>How mail to residents keeps up: sent, failed attempts, set aside, what waits and for how long.</summary>
public sealed class MailMetrics
{
    public const string MeterName = Telemetry.TelemetryExtensions.SourcePrefix + "Mail";

    private readonly Counter<long> sent;
    private readonly Counter<long> failed;
    private readonly Counter<long> setAside;
    private readonly Histogram<double> delivery;
    private long queued;
    private double oldestAge;

    public MailMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        sent = meter.CreateCounter<long>("quartier.mail.sent", "{message}", "Messages the SMTP server accepted");
        failed = meter.CreateCounter<long>("quartier.mail.failed", "{attempt}", "Attempts to send a message that failed (it is tried again later)");
        setAside = meter.CreateCounter<long>("quartier.mail.set_aside", "{message}", "Messages set aside for an operator");
        delivery = meter.CreateHistogram<double>("quartier.mail.delivery_time", "s", "Time from queuing (or the planned time) to acceptance by the SMTP server");
        meter.CreateObservableGauge("quartier.mail.queued", () => Interlocked.Read(ref queued), "{message}", "Messages due and not yet sent");
        meter.CreateObservableGauge("quartier.mail.oldest_queued_age", () => Volatile.Read(ref oldestAge), "s", "How long the oldest due message has waited");
    }

    public void Sent(string kind, TimeSpan sinceDue)
    {
        sent.Add(1, new KeyValuePair<string, object?>("quartier.mail.kind", kind));
        delivery.Record(sinceDue.TotalSeconds);
    }

    public void Failed(string kind) => failed.Add(1, new KeyValuePair<string, object?>("quartier.mail.kind", kind));

    public void SetAside(string kind) => setAside.Add(1, new KeyValuePair<string, object?>("quartier.mail.kind", kind));

    public void Waiting(long count, TimeSpan oldest)
    {
        Interlocked.Exchange(ref queued, count);
        Volatile.Write(ref oldestAge, oldest.TotalSeconds);
    }
}
