using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quartier.Bookings.Contacts;

namespace Quartier.Bookings.Data;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<AnonymousContact>
{
    public void Configure(EntityTypeBuilder<AnonymousContact> contact)
    {
        contact.ToTable("AnonymousContacts");
        contact.Property(c => c.Id).ValueGeneratedNever();
        contact.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        contact.Property(c => c.FieldOfAction).HasMaxLength(40);
        contact.HasIndex(c => new { c.OfficeId, c.Date });
    }
}
