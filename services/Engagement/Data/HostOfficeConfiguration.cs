using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quartier.Engagement.Offices;

namespace Quartier.Engagement.Data;

internal sealed class HostOfficeConfiguration : IEntityTypeConfiguration<HostOffice>
{
    public void Configure(EntityTypeBuilder<HostOffice> office)
    {
        office.HasKey(o => o.OfficeId);
        office.Property(o => o.OfficeId).ValueGeneratedNever();
        office.Property(o => o.Name).HasMaxLength(200);
        office.Property(o => o.Town).HasMaxLength(100);
        office.Property(o => o.TimeZone).HasMaxLength(64);
    }
}
