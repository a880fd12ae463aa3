using MassTransit;
using Quartier.Bookings.Data;
using Quartier.Contracts.Offices;
using Quartier.ServiceDefaults.Messaging.Inbox;
using Quartier.ServiceDefaults.Messaging.OfficeCopies;

namespace Quartier.Bookings.Offices;

public sealed class OfficeRegisteredConsumer(BookingsDbContext db, ILogger<OfficeRegisteredConsumer> logger)
    : IdempotentConsumer<OfficeRegistered, BookingsDbContext>(db, logger)
{
    protected override async Task HandleAsync(ConsumeContext<OfficeRegistered> context) =>
        (await Db.Offices.FindOrAddAsync(context.Message.OfficeId, context.CancellationToken)).Describe(OfficeDescription.Of(context.Message));
}
