using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quartier.Bookings.Offices;

namespace Quartier.Bookings.Data;

internal sealed class BookableOfficeConfiguration : IEntityTypeConfiguration<BookableOffice>
{
    public void Configure(EntityTypeBuilder<BookableOffice> office)
    {
        office.HasKey(o => o.OfficeId);
        office.Property(o => o.OfficeId).ValueGeneratedNever();
        office.Property(o => o.Name).HasMaxLength(200);
        office.Property(o => o.Town).HasMaxLength(100);
        office.Property(o => o.FederalState).HasMaxLength(5);
        office.Property(o => o.TimeZone).HasMaxLength(64);
    }
}
