using MassTransit;
using Quartier.Contracts.Offices;
using Quartier.Engagement.Data;
using Quartier.ServiceDefaults.Messaging.Inbox;

namespace Quartier.Engagement.Offices;

public sealed class OfficeUpdatedConsumer(EngagementDbContext db, ILogger<OfficeUpdatedConsumer> logger)
    : IdempotentConsumer<OfficeUpdated, EngagementDbContext>(db, logger)
{
    protected override async Task HandleAsync(ConsumeContext<OfficeUpdated> context)
    {
        var updated = context.Message;
        var office = await Db.Offices.FindAsync([updated.OfficeId], context.CancellationToken);
        if (office is null)
        {
            // The update overtook the registration: it carries the whole public data, so it stands in for it.
            Db.Offices.Add(new HostOffice { OfficeId = updated.OfficeId, Name = updated.Name, Town = updated.Town, TimeZone = updated.TimeZone });
            return;
        }

        office.Name = updated.Name;
        office.Town = updated.Town;
        office.TimeZone = updated.TimeZone;
    }
}
