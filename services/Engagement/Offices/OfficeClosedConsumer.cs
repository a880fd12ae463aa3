using MassTransit;
using Quartier.Contracts.Offices;
using Quartier.Engagement.Data;
using Quartier.ServiceDefaults.Messaging.Inbox;

namespace Quartier.Engagement.Offices;

/// <summary>A closed office takes no new events or shifts; what is already planned stays for staff to handle.</summary>
public sealed partial class OfficeClosedConsumer(EngagementDbContext db, ILogger<OfficeClosedConsumer> logger)
    : IdempotentConsumer<OfficeClosed, EngagementDbContext>(db, logger)
{
    private readonly ILogger logger = logger;

    protected override async Task HandleAsync(ConsumeContext<OfficeClosed> context)
    {
        var office = await Db.Offices.FindAsync([context.Message.OfficeId], context.CancellationToken);
        if (office is null)
        {
            // Without its registration there is nothing here that could be booked at it; retrying brings it when it arrives.
            LogUnknownOffice(logger, context.Message.OfficeId);
            throw new InvalidOperationException($"OfficeClosed for unknown office {context.Message.OfficeId}; retrying until its registration arrives.");
        }

        office.IsOpen = false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Office {OfficeId} closed before Engagement knew it")]
    private static partial void LogUnknownOffice(ILogger logger, Guid officeId);
}
