using MassTransit;
using Quartier.Contracts.Offices;
using Quartier.Engagement.Data;
using Quartier.ServiceDefaults.Messaging.Inbox;
using Quartier.ServiceDefaults.Messaging.OfficeCopies;

namespace Quartier.Engagement.Offices;

public sealed class OfficeRegisteredConsumer(EngagementDbContext db, ILogger<OfficeRegisteredConsumer> logger)
    : IdempotentConsumer<OfficeRegistered, EngagementDbContext>(db, logger)
{
    protected override async Task HandleAsync(ConsumeContext<OfficeRegistered> context) =>
        (await Db.Offices.FindOrAddAsync(context.Message.OfficeId, context.CancellationToken)).Describe(OfficeDescription.Of(context.Message));
}
