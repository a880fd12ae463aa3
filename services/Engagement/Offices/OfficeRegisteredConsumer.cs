using MassTransit;
using Quartier.Contracts.Offices;
using Quartier.Engagement.Data;
using Quartier.ServiceDefaults.Messaging.Inbox;

namespace Quartier.Engagement.Offices;

public sealed class OfficeRegisteredConsumer(EngagementDbContext db, ILogger<OfficeRegisteredConsumer> logger)
    : IdempotentConsumer<OfficeRegistered, EngagementDbContext>(db, logger)
{
    protected override async Task HandleAsync(ConsumeContext<OfficeRegistered> context)
    {
        var registered = context.Message;
        if (await Db.Offices.FindAsync([registered.OfficeId], context.CancellationToken) is null)
        {
            Db.Offices.Add(new HostOffice
            {
                OfficeId = registered.OfficeId,
                Name = registered.Name,
                Town = registered.Town,
                TimeZone = registered.TimeZone,
            });
        }
    }
}
