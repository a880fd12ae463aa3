using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quartier.Reporting.Events;

namespace Quartier.Reporting.Data;

internal sealed class EventConfiguration : IEntityTypeConfiguration<EventRecord>
{
    public void Configure(EntityTypeBuilder<EventRecord> record)
    {
        record.ToTable("Events");
        record.HasKey(e => e.EventId);
        record.Property(e => e.EventId).ValueGeneratedNever();
        record.Property(e => e.FieldOfAction).HasMaxLength(50);
        record.Property(e => e.Version).IsRowVersion();
        record.HasIndex(e => new { e.OfficeId, e.Date });
        record.HasIndex(e => e.Date);
    }
}

internal sealed class RegistrationConfiguration : IEntityTypeConfiguration<RegistrationRecord>
{
    public void Configure(EntityTypeBuilder<RegistrationRecord> registration)
    {
        registration.ToTable("Registrations");
        registration.HasKey(r => r.RegistrationId);
        registration.Property(r => r.RegistrationId).ValueGeneratedNever();
        registration.Property(r => r.Version).IsRowVersion();
        registration.HasIndex(r => r.EventId);
    }
}

internal sealed class RegistrationTallyConfiguration : IEntityTypeConfiguration<RegistrationTally>
{
    public void Configure(EntityTypeBuilder<RegistrationTally> tally)
    {
        tally.ToTable("RegistrationTallies");
        // Rewritten with every registration change: room on each page keeps the updates in place (HOT).
        tally.HasStorageParameter("fillfactor", 70);
        tally.HasKey(t => t.EventId);
        tally.Property(t => t.EventId).ValueGeneratedNever();
    }
}
