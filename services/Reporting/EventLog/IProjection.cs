using Quartier.Reporting.Data;

namespace Quartier.Reporting.EventLog;

/// <summary>
/// Applies one kind of event to a read model. Projections must give the same state whatever order
/// the events of an entity arrive in, because the broker does not keep order across producers.
/// </summary>
public interface IProjection<in TEvent> where TEvent : class
{
    Task ApplyAsync(TEvent integrationEvent, ReportingDbContext db, CancellationToken cancellationToken);
}
