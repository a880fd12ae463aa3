using Quartier.Contracts.Offices;
using Quartier.Reporting.Data;
using Quartier.Reporting.EventLog;

namespace Quartier.Reporting.Offices;

public sealed class OfficeProjection : IProjection<OfficeRegistered>, IProjection<OfficeUpdated>, IProjection<OfficeClosed>
{
    public async Task ApplyAsync(OfficeRegistered registered, ReportingDbContext db, CancellationToken cancellationToken)
    {
        var office = await FindOrAddAsync(db, registered.OfficeId, cancellationToken);
        office.RegisteredAt = registered.RegisteredAt;
        office.Describe(registered.Name, registered.Kind, registered.Town, registered.FederalState, registered.ProjectArea, registered.RegisteredAt);
    }

    public async Task ApplyAsync(OfficeUpdated updated, ReportingDbContext db, CancellationToken cancellationToken)
    {
        var office = await FindOrAddAsync(db, updated.OfficeId, cancellationToken);
        office.Describe(updated.Name, updated.Kind, updated.Town, updated.FederalState, updated.ProjectArea, updated.UpdatedAt);
    }

    public async Task ApplyAsync(OfficeClosed closed, ReportingDbContext db, CancellationToken cancellationToken)
    {
        var office = await FindOrAddAsync(db, closed.OfficeId, cancellationToken);
        office.ClosedAt = closed.ClosedAt;
    }

    private static Task<ReportedOffice> FindOrAddAsync(ReportingDbContext db, Guid officeId, CancellationToken cancellationToken) =>
        db.FindOrAddAsync(officeId, () => new ReportedOffice { OfficeId = officeId }, cancellationToken);
}
