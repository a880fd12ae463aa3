using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quartier.Offices.Directory;

namespace Quartier.Offices.Data;

internal sealed class OfficeConfiguration : IEntityTypeConfiguration<Office>
{
    public void Configure(EntityTypeBuilder<Office> office)
    {
        office.Property(o => o.Name).HasMaxLength(OfficeLimits.Name);
        office.Property(o => o.Kind).HasMaxLength(OfficeLimits.Kind);
        office.Property(o => o.Street).HasMaxLength(OfficeLimits.Street);
        office.Property(o => o.PostalCode).HasMaxLength(5).IsFixedLength();
        office.Property(o => o.Town).HasMaxLength(OfficeLimits.Town);
        office.Property(o => o.FederalState).HasMaxLength(5);
        office.Property(o => o.TimeZone).HasMaxLength(64);
        office.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        office.Property(o => o.Version).IsRowVersion();
        office.HasIndex(o => o.Town);
        office.ToTable(table => table.HasCheckConstraint("CK_Offices_PostalCode", "\"PostalCode\" ~ '^[0-9]{5}$'"));
    }
}
