using MassTransit;
using Quartier.Contracts.Offices;
using Quartier.Engagement.Data;
using Quartier.ServiceDefaults.Messaging.Inbox;
using Quartier.ServiceDefaults.Messaging.OfficeCopies;

namespace Quartier.Engagement.Offices;

/// <summary>A closed office takes no new events or shifts; what is already planned stays for staff to handle.</summary>
public sealed class OfficeClosedConsumer(EngagementDbContext db, ILogger<OfficeClosedConsumer> logger)
    : IdempotentConsumer<OfficeClosed, EngagementDbContext>(db, logger)
{
    protected override async Task HandleAsync(ConsumeContext<OfficeClosed> context) =>
        (await Db.Offices.FindOrAddAsync(context.Message.OfficeId, context.CancellationToken)).Close(context.Message.ClosedAt);
}
