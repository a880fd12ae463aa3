using MassTransit;
using Quartier.Contracts.Offices;
using Quartier.Reporting.Data;
using Quartier.Reporting.EventLog;
using Quartier.ServiceDefaults.Messaging.Inbox;

namespace Quartier.Reporting.Offices;

public sealed class OfficeRegisteredConsumer(ReportingDbContext db, TimeProvider time, ILogger<OfficeRegisteredConsumer> logger)
    : IdempotentConsumer<OfficeRegistered, ReportingDbContext>(db, logger)
{
    protected override async Task HandleAsync(ConsumeContext<OfficeRegistered> context)
    {
        var registered = context.Message;
        Db.EventLog.Add(EventLogEntry.For(context.MessageId!.Value, registered, registered.OfficeId, registered.RegisteredAt, time.GetUtcNow()));

        if (await Db.Offices.FindAsync([registered.OfficeId], context.CancellationToken) is null)
        {
            Db.Offices.Add(new ReportedOffice
            {
                OfficeId = registered.OfficeId,
                Name = registered.Name,
                Town = registered.Town,
                FederalState = registered.FederalState,
                RegisteredAt = registered.RegisteredAt,
            });
        }
    }
}
