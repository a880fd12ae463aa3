using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Quartier.Reporting.Data;

namespace Quartier.Reporting.EventLog;

/// <summary>An integration event type reporting consumes: how to log it, where it belongs and how to project it.</summary>
public abstract class ReportedEvent
{
    public abstract Type Type { get; }

    public string Name => Type.Name;

    /// <summary>Consumes the event on the shared endpoint, partitioned by office with <paramref name="byOffice"/>.</summary>
    public abstract void AddConsumer(IBusRegistrationConfigurator bus, string endpointName, IPartitioner byOffice);

    public abstract EventLogEntry ToLogEntry(object integrationEvent, Guid messageId, DateTimeOffset receivedAt);

    /// <summary>The entity (appointment, callback, office...) whose read-model rows the event changes.</summary>
    public abstract Guid SubjectOf(object integrationEvent);

    /// <summary>Applies a logged event to every read model; the caller saves.</summary>
    public abstract Task ProjectAsync(EventLogEntry entry, IServiceProvider services, ReportingDbContext db, CancellationToken cancellationToken);
}

public sealed class ReportedEvent<TEvent>(Func<TEvent, Guid> officeId, Func<TEvent, Guid> subject, Func<TEvent, DateTimeOffset> occurredAt) : ReportedEvent
    where TEvent : class
{
    public override Type Type => typeof(TEvent);

    public override void AddConsumer(IBusRegistrationConfigurator bus, string endpointName, IPartitioner byOffice) =>
        bus.AddConsumer<EventLogConsumer<TEvent>>((_, consumer) =>
                consumer.Message<TEvent>(message => message.UsePartitioner(byOffice, context => officeId(context.Message))))
            .Endpoint(endpoint =>
        {
            endpoint.Name = endpointName;
            // Each event waits mostly on its commit; many in flight let PostgreSQL commit them as a group.
            endpoint.PrefetchCount = ReportedEvents.EventsInFlight * 2;
            endpoint.ConcurrentMessageLimit = ReportedEvents.EventsInFlight;
        });

    public override EventLogEntry ToLogEntry(object integrationEvent, Guid messageId, DateTimeOffset receivedAt)
    {
        var typed = (TEvent)integrationEvent;
        return EventLogEntry.For(messageId, typed, officeId(typed), occurredAt(typed), receivedAt);
    }

    public override Guid SubjectOf(object integrationEvent) => subject((TEvent)integrationEvent);

    public override Task ProjectAsync(EventLogEntry entry, IServiceProvider services, ReportingDbContext db, CancellationToken cancellationToken) =>
        Projections.ApplyAsync(entry.Read<TEvent>(), services, db, cancellationToken);
}

public static class Projections
{
    /// <summary>Applies an event to every read model that cares about it; the caller saves.</summary>
    public static async Task ApplyAsync<TEvent>(TEvent integrationEvent, IServiceProvider services, ReportingDbContext db, CancellationToken cancellationToken)
        where TEvent : class
    {
        foreach (var projection in services.GetServices<IProjection<TEvent>>())
        {
            await projection.ApplyAsync(integrationEvent, db, cancellationToken);
        }
    }
}
