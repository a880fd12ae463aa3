using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quartier.Reporting.Offices;

namespace Quartier.Reporting.Data;

internal sealed class OfficeConfiguration : IEntityTypeConfiguration<ReportedOffice>
{
    public void Configure(EntityTypeBuilder<ReportedOffice> office)
    {
        office.ToTable("ReportedOffices");
        office.HasKey(o => o.OfficeId);
        office.Property(o => o.OfficeId).ValueGeneratedNever();
        office.Property(o => o.Name).HasMaxLength(200);
        office.Property(o => o.Kind).HasMaxLength(100);
        office.Property(o => o.Town).HasMaxLength(100);
        office.Property(o => o.FederalState).HasMaxLength(5);
        office.Property(o => o.ProjectArea).HasMaxLength(200);
        office.Property(o => o.ProjectAreaData).HasColumnType("jsonb");
        office.Property(o => o.Version).IsRowVersion();
        office.HasIndex(o => o.ProjectArea);
    }
}
