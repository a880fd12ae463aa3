using MassTransit;
using Quartier.Bookings.Data;
using Quartier.Contracts.Offices;
using Quartier.ServiceDefaults.Messaging.Inbox;

namespace Quartier.Bookings.Offices;

/// <summary>Keeps the local copy current. An update that overtakes the registration creates the copy.</summary>
public sealed class OfficeUpdatedConsumer(BookingsDbContext db, ILogger<OfficeUpdatedConsumer> logger)
    : IdempotentConsumer<OfficeUpdated, BookingsDbContext>(db, logger)
{
    protected override async Task HandleAsync(ConsumeContext<OfficeUpdated> context)
    {
        var updated = context.Message;
        var office = await Db.Offices.FindAsync([updated.OfficeId], context.CancellationToken);
        if (office is null)
        {
            Db.Offices.Add(new BookableOffice
            {
                OfficeId = updated.OfficeId,
                Name = updated.Name,
                Town = updated.Town,
                FederalState = updated.FederalState,
                TimeZone = updated.TimeZone,
                RegisteredAt = updated.UpdatedAt,
            });
            return;
        }

        office.Name = updated.Name;
        office.Town = updated.Town;
        office.FederalState = updated.FederalState;
        office.TimeZone = updated.TimeZone;
    }
}
