using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quartier.Reporting.OpeningHours;

namespace Quartier.Reporting.Data;

internal sealed class OpeningDayConfiguration : IEntityTypeConfiguration<OpeningDay>
{
    public void Configure(EntityTypeBuilder<OpeningDay> day)
    {
        day.ToTable("OpeningDays");
        day.HasKey(d => new { d.OfficeId, d.Date });
        day.Property(d => d.Version).IsRowVersion();
        day.HasIndex(d => d.Date);
    }
}
