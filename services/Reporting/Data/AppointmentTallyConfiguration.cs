using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quartier.Reporting.Appointments;

namespace Quartier.Reporting.Data;

internal sealed class AppointmentTallyConfiguration : IEntityTypeConfiguration<AppointmentTally>
{
    public void Configure(EntityTypeBuilder<AppointmentTally> tally)
    {
        tally.ToTable("AppointmentTallies");
        // Rewritten with every appointment change: room on each page keeps the updates in place (HOT).
        tally.HasStorageParameter("fillfactor", 70);
        tally.HasKey(t => new { t.OfficeId, t.Month, t.Dimension, t.Value });
        tally.Property(t => t.Dimension).HasMaxLength(20);
        tally.Property(t => t.Value).HasMaxLength(50);
        // Reports for all offices select months.
        tally.HasIndex(t => t.Month);
    }
}
