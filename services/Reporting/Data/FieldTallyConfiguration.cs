using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quartier.Reporting.FieldsOfAction;

namespace Quartier.Reporting.Data;

internal sealed class FieldTallyConfiguration : IEntityTypeConfiguration<FieldTally>
{
    public void Configure(EntityTypeBuilder<FieldTally> tally)
    {
        tally.ToTable("FieldTallies");
        // Rewritten with every callback and hours change: room on each page keeps the updates in place (HOT).
        tally.HasStorageParameter("fillfactor", 70);
        tally.HasKey(t => new { t.OfficeId, t.Month, t.FieldOfAction });
        tally.Property(t => t.FieldOfAction).HasMaxLength(50);
        tally.Property(t => t.VolunteerHours).HasPrecision(12, 2);
        tally.HasIndex(t => t.Month);
    }
}
