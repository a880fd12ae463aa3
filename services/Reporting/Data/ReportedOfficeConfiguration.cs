using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quartier.Reporting.Offices;

namespace Quartier.Reporting.Data;

internal sealed class ReportedOfficeConfiguration : IEntityTypeConfiguration<ReportedOffice>
{
    public void Configure(EntityTypeBuilder<ReportedOffice> office)
    {
        office.HasKey(o => o.OfficeId);
        office.Property(o => o.OfficeId).ValueGeneratedNever();
        office.Property(o => o.Name).HasMaxLength(200);
        office.Property(o => o.Town).HasMaxLength(100);
        office.Property(o => o.FederalState).HasMaxLength(5);
    }
}
