using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quartier.Reporting.Contacts;

namespace Quartier.Reporting.Data;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<ContactRecord>
{
    public void Configure(EntityTypeBuilder<ContactRecord> contact)
    {
        contact.ToTable("Contacts");
        contact.HasKey(c => c.ContactId);
        contact.Property(c => c.ContactId).ValueGeneratedNever();
        contact.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        contact.Property(c => c.FieldOfAction).HasMaxLength(50);
        contact.HasIndex(c => new { c.OfficeId, c.Date });
        contact.HasIndex(c => c.Date);
    }
}
