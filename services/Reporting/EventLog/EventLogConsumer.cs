using MassTransit;
using Quartier.Reporting.Data;
using Quartier.ServiceDefaults.Messaging.Inbox;

namespace Quartier.Reporting.EventLog;

/// <summary>
/// Appends any integration event to the log and applies it to the read models, in one transaction
/// with the inbox record, so redelivery changes nothing and the read models never run ahead of the log.
/// </summary>
public sealed class EventLogConsumer<TEvent>(ReportingDbContext db, IServiceProvider services, TimeProvider time, ILogger<EventLogConsumer<TEvent>> logger)
    : IdempotentConsumer<TEvent, ReportingDbContext>(db, logger)
    where TEvent : class
{
    private static readonly ReportedEvent Reported = ReportedEvents.Named(typeof(TEvent).Name);

    protected override async Task HandleAsync(ConsumeContext<TEvent> context)
    {
        Db.EventLog.Add(Reported.ToLogEntry(context.Message, context.MessageId!.Value, time.GetUtcNow()));
        await Projections.ApplyAsync(context.Message, services, Db, context.CancellationToken);
    }
}
