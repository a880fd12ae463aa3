using Quartier.Contracts.Bookings;
using Quartier.Reporting.Data;
using Quartier.Reporting.EventLog;

namespace Quartier.Reporting.Contacts;

public sealed class ContactProjection : IProjection<AnonymousContactCounted>, IProjection<AnonymousContactWithdrawn>
{
    public async Task ApplyAsync(AnonymousContactCounted counted, ReportingDbContext db, CancellationToken cancellationToken) =>
        (await FindOrAddAsync(db, counted.ContactId, counted.OfficeId, cancellationToken)).Count(counted);

    public async Task ApplyAsync(AnonymousContactWithdrawn withdrawn, ReportingDbContext db, CancellationToken cancellationToken) =>
        (await FindOrAddAsync(db, withdrawn.ContactId, withdrawn.OfficeId, cancellationToken)).Withdraw();

    private static Task<ContactRecord> FindOrAddAsync(ReportingDbContext db, Guid contactId, Guid officeId, CancellationToken cancellationToken) =>
        db.FindOrAddAsync(contactId, () => new ContactRecord { ContactId = contactId, OfficeId = officeId }, cancellationToken);
}
