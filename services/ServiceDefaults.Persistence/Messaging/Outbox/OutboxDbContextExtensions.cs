using Microsoft.EntityFrameworkCore;

namespace Quartier.ServiceDefaults.Messaging.Outbox;

public static class OutboxDbContextExtensions
{
    /// <summary>
    /// Adds an integration event to the outbox: it is saved with the next <c>SaveChanges</c>
    /// (atomically with the change it announces) and published after commit.
    /// </summary>
    public static void AddIntegrationEvent(this DbContext db, object integrationEvent, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.Set<OutboxMessage>().Add(OutboxMessage.Create(integrationEvent, (time ?? TimeProvider.System).GetUtcNow()));
    }
}
