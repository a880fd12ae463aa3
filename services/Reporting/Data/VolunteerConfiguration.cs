using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quartier.Reporting.Volunteers;

namespace Quartier.Reporting.Data;

internal sealed class VolunteerConfiguration : IEntityTypeConfiguration<VolunteerRecord>
{
    public void Configure(EntityTypeBuilder<VolunteerRecord> volunteer)
    {
        volunteer.ToTable("Volunteers");
        volunteer.HasKey(v => v.VolunteerId);
        volunteer.Property(v => v.VolunteerId).ValueGeneratedNever();
        volunteer.Property(v => v.Version).IsRowVersion();
        volunteer.HasIndex(v => v.OfficeId);
    }
}

internal sealed class TandemConfiguration : IEntityTypeConfiguration<TandemRecord>
{
    public void Configure(EntityTypeBuilder<TandemRecord> tandem)
    {
        tandem.ToTable("Tandems");
        tandem.HasKey(t => t.TandemId);
        tandem.Property(t => t.TandemId).ValueGeneratedNever();
        tandem.Property(t => t.Version).IsRowVersion();
        tandem.HasIndex(t => t.OfficeId);
    }
}

internal sealed class ShiftConfiguration : IEntityTypeConfiguration<ShiftRecord>
{
    public void Configure(EntityTypeBuilder<ShiftRecord> shift)
    {
        shift.ToTable("Shifts");
        shift.HasKey(s => s.ShiftId);
        shift.Property(s => s.ShiftId).ValueGeneratedNever();
        shift.Property(s => s.Version).IsRowVersion();
        shift.HasIndex(s => new { s.OfficeId, s.Date });
    }
}

internal sealed class HoursEntryConfiguration : IEntityTypeConfiguration<HoursEntry>
{
    public void Configure(EntityTypeBuilder<HoursEntry> entry)
    {
        entry.ToTable("VolunteerHours");
        entry.HasKey(h => h.EntryId);
        entry.Property(h => h.EntryId).ValueGeneratedNever();
        entry.Property(h => h.FieldOfAction).HasMaxLength(50);
        entry.Property(h => h.Hours).HasPrecision(9, 2);
        entry.HasIndex(h => new { h.OfficeId, h.Date });
        entry.HasIndex(h => h.Date);
    }
}
