using MassTransit;
using Quartier.Contracts.Staff;
using Quartier.Identity.Data;
using Quartier.ServiceDefaults.Messaging.Inbox;

namespace Quartier.Identity.AccessRecords;

/// <summary>Keeps what every service reports of staff reading residents' personal data, once per report.</summary>
public sealed class PersonalDataReadConsumer(IdentityDbContext db, ILogger<PersonalDataReadConsumer> logger)
    : IdempotentConsumer<PersonalDataRead, IdentityDbContext>(db, logger)
{
    protected override Task HandleAsync(ConsumeContext<PersonalDataRead> context)
    {
        var read = context.Message;
        Db.AccessRecords.Add(new AccessRecord
        {
            Id = read.AccessId,
            Actor = read.Actor,
            Service = read.Service,
            OfficeId = read.OfficeId,
            Purpose = read.Purpose,
            RecordIds = [.. read.RecordIds],
            ReadAt = read.ReadAt,
        });
        return Task.CompletedTask;
    }
}
