using MassTransit;
using Quartier.Bookings.Data;
using Quartier.Contracts.Offices;
using Quartier.ServiceDefaults.Messaging.Inbox;

namespace Quartier.Bookings.Offices;

public sealed class OfficeRegisteredConsumer(BookingsDbContext db, ILogger<OfficeRegisteredConsumer> logger)
    : IdempotentConsumer<OfficeRegistered, BookingsDbContext>(db, logger)
{
    protected override async Task HandleAsync(ConsumeContext<OfficeRegistered> context)
    {
        var registered = context.Message;
        if (await Db.Offices.FindAsync([registered.OfficeId], context.CancellationToken) is null)
        {
            Db.Offices.Add(new BookableOffice
            {
                OfficeId = registered.OfficeId,
                Name = registered.Name,
                Town = registered.Town,
                FederalState = registered.FederalState,
                TimeZone = registered.TimeZone,
                RegisteredAt = registered.RegisteredAt,
            });
        }
    }
}
