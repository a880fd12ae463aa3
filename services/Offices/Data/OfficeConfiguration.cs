using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quartier.Offices.Directory;
using Quartier.ServiceDefaults.Persistence;

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
        // Defaults only for the rows that exist when the columns are added.
        office.Property(o => o.Partners).HasJsonConversion().HasDefaultValueSql("'[]'::jsonb");
        office.Property(o => o.Languages).HasDefaultValueSql("'{}'");
        office.Property(o => o.FieldsOfAction).HasDefaultValueSql("'{}'");
        office.Property(o => o.Contact).HasJsonConversion();
        office.Property(o => o.Accessibility).HasJsonConversion();
        office.Property(o => o.Funding).HasJsonConversion();
        office.Property(o => o.ProjectArea).HasJsonConversion();
        office.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        office.Property(o => o.Version).IsRowVersion();
        office.HasIndex(o => o.Town);
        office.HasIndex(o => o.Languages).HasMethod("gin");
        office.HasIndex(o => o.FieldsOfAction).HasMethod("gin");
        office.ToTable(table =>
        {
            table.HasCheckConstraint("CK_Offices_PostalCode", "\"PostalCode\" ~ '^[0-9]{5}$'");
            table.HasCheckConstraint("CK_Offices_Latitude", "\"Latitude\" BETWEEN -90 AND 90");
            table.HasCheckConstraint("CK_Offices_Longitude", "\"Longitude\" BETWEEN -180 AND 180");
            table.HasCheckConstraint("CK_Offices_ClosedAt", "(\"Status\" = 'Closed') = (\"ClosedAt\" IS NOT NULL)");
        });
    }
}
