using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quartier.Bookings.Callbacks;
using Quartier.Bookings.Offices;
using Quartier.Bookings.Privacy;
using Quartier.ServiceDefaults.Persistence;

namespace Quartier.Bookings.Data;

internal sealed class CallbackRequestConfiguration : IEntityTypeConfiguration<CallbackRequest>
{
    public void Configure(EntityTypeBuilder<CallbackRequest> callback)
    {
        callback.Property(c => c.Id).ValueGeneratedNever();
        callback.HasOne<BookableOffice>().WithMany().HasForeignKey(c => c.OfficeId);
        callback.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        callback.Property(c => c.Language).HasMaxLength(3);
        callback.Property(c => c.FieldOfAction).HasMaxLength(40);
        callback.Property(c => c.ManagementTokenHash).HasMaxLength(64);
        callback.Property(c => c.Attempts).HasJsonConversion();
        callback.Property(c => c.Version).IsRowVersion();
        callback.Property(c => c.MessageLanguage).HasMaxLength(20);
        callback.HasIndex(c => c.ManagementTokenHash).IsUnique();
        callback.HasIndex(c => new { c.OfficeId, c.WindowStartsAt });

        // Capacity of a window, held by the database across every instance of the service.
        callback.HasIndex(c => new { c.OfficeId, c.WindowStartsAt, c.Seat })
            .IsUnique()
            .HasFilter("\"Status\" <> 'Cancelled'")
            .HasDatabaseName("UX_CallbackRequests_WindowSeat");
        callback.OwnsOne(c => c.Contact, contact =>
        {
            contact.Property(r => r.Phone).HasColumnName("ResidentPhone").HasMaxLength(ContactRules.PhoneLength);
            contact.Property(r => r.Email).HasColumnName("ResidentEmail").HasMaxLength(ContactRules.EmailLength);
            contact.Property(r => r.Topic).HasColumnName("ResidentTopic").HasMaxLength(ContactRules.TopicLength);
            contact.Property(r => r.ConsentTextVersion).HasColumnName("ConsentTextVersion").HasMaxLength(ContactRules.ConsentVersionLength);
            contact.Property(r => r.ConsentLanguage).HasColumnName("ConsentLanguage").HasMaxLength(ContactRules.MessageLanguageLength);
            contact.Property(r => r.ConsentGivenAt).HasColumnName("ConsentGivenAt");
        });
        callback.ToTable(table =>
        {
            table.HasCheckConstraint("CK_CallbackRequests_Seat", "\"Seat\" >= 1");
            table.HasCheckConstraint("CK_CallbackRequests_Window", "\"WindowStartsAt\" < \"WindowEndsAt\"");
        });
    }
}

internal sealed class CallbackSettingsConfiguration : IEntityTypeConfiguration<CallbackSettings>
{
    public void Configure(EntityTypeBuilder<CallbackSettings> settings)
    {
        settings.HasKey(s => s.OfficeId);
        settings.Property(s => s.OfficeId).ValueGeneratedNever();
        settings.HasOne<BookableOffice>().WithOne().HasForeignKey<CallbackSettings>(s => s.OfficeId);
        settings.Property(s => s.Version).IsRowVersion();
    }
}
