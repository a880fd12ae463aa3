using Microsoft.EntityFrameworkCore;
using Quartier.ServiceDefaults.Idempotency;
using Quartier.ServiceDefaults.Messaging.Inbox;
using Quartier.ServiceDefaults.Messaging.Outbox;

namespace Quartier.ServiceDefaults.Persistence;

public static class PlatformTables
{
    /// <summary>
    /// The tables every service keeps in its own database beside its domain: the outbox of events to
    /// publish, the inbox of messages already applied, and the answers to idempotent requests.
    /// </summary>
    public static ModelBuilder AddPlatformTables(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable(OutboxMessage.Table);
            outbox.HasKey(m => m.Sequence);
            outbox.Property(m => m.Sequence).UseIdentityAlwaysColumn();
            outbox.HasIndex(m => m.MessageId).IsUnique();
            outbox.Property(m => m.MessageType).HasMaxLength(300);
            outbox.Property(m => m.Body).HasColumnType("jsonb");
            outbox.Property(m => m.TraceParent).HasMaxLength(100);
            outbox.Property(m => m.TraceState).HasMaxLength(500);
            // The relay only ever looks for what is still unsent.
            outbox.HasIndex(m => m.Sequence).HasFilter("\"SentAt\" IS NULL").HasDatabaseName("IX_OutboxMessages_Unsent");
        });

        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable("InboxMessages");
            inbox.HasKey(m => new { m.MessageId, m.Consumer });
            inbox.Property(m => m.Consumer).HasMaxLength(200);
            inbox.HasIndex(m => m.ProcessedAt);
        });

        modelBuilder.Entity<IdempotentRequest>(request =>
        {
            request.ToTable("IdempotentRequests");
            request.HasKey(r => new { r.Key, r.Target });
            request.Property(r => r.Key).HasMaxLength(100);
            request.Property(r => r.Target).HasMaxLength(300);
            request.Property(r => r.RequestHash).HasMaxLength(64);
            request.Property(r => r.ContentType).HasMaxLength(200);
            request.Property(r => r.Location).HasMaxLength(500);
            request.HasIndex(r => r.CreatedAt);
        });

        return modelBuilder;
    }
}
