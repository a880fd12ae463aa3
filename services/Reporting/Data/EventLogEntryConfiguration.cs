using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quartier.Reporting.EventLog;

namespace Quartier.Reporting.Data;

internal sealed class EventLogEntryConfiguration : IEntityTypeConfiguration<EventLogEntry>
{
    public void Configure(EntityTypeBuilder<EventLogEntry> entry)
    {
        entry.ToTable("EventLog");
        entry.HasKey(e => e.Sequence);
        entry.Property(e => e.Sequence).UseIdentityAlwaysColumn();
        entry.HasIndex(e => e.MessageId).IsUnique();
        entry.Property(e => e.EventType).HasMaxLength(200);
        entry.Property(e => e.Payload).HasColumnType("jsonb");
        entry.HasIndex(e => new { e.OfficeId, e.OccurredAt });
    }
}
