using Quartier.Contracts.Offices;
using Quartier.Reporting.Data;
using Quartier.Reporting.EventLog;
using Quartier.ServiceDefaults.Messaging.OfficeCopies;

namespace Quartier.Reporting.Offices;

public sealed class OfficeProjection : IProjection<OfficeRegistered>, IProjection<OfficeUpdated>, IProjection<OfficeClosed>
{
    public async Task ApplyAsync(OfficeRegistered registered, ReportingDbContext db, CancellationToken cancellationToken)
    {
        var office = await db.Offices.FindOrAddAsync(registered.OfficeId, cancellationToken);
        office.RegisteredAt = registered.RegisteredAt;
        office.Describe(OfficeDescription.Of(registered));
    }

    public async Task ApplyAsync(OfficeUpdated updated, ReportingDbContext db, CancellationToken cancellationToken) =>
        (await db.Offices.FindOrAddAsync(updated.OfficeId, cancellationToken)).Describe(OfficeDescription.Of(updated));

    public async Task ApplyAsync(OfficeClosed closed, ReportingDbContext db, CancellationToken cancellationToken) =>
        (await db.Offices.FindOrAddAsync(closed.OfficeId, cancellationToken)).Close(closed.ClosedAt);
}
