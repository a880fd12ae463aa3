using MassTransit;
using Microsoft.EntityFrameworkCore;
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
        await SerialiseWithOtherEventsOfAsync(Reported.SubjectOf(context.Message), context.CancellationToken);
        await Projections.ApplyAsync(context.Message, services, Db, context.CancellationToken);
    }

    /// <summary>
    /// Events of one entity are applied one after the other (an advisory lock held until commit), so
    /// two of them arriving together cannot both create its row; different entities run in parallel.
    /// </summary>
    private async Task SerialiseWithOtherEventsOfAsync(Guid subject, CancellationToken cancellationToken)
    {
        var bytes = subject.ToByteArray();
        var lockKey = BitConverter.ToInt64(bytes, 0) ^ BitConverter.ToInt64(bytes, 8);
        await Db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({lockKey})", cancellationToken);
    }
}
