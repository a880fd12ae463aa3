using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quartier.Bookings.Appointments;
using Quartier.Bookings.AppointmentServices;
using Quartier.Bookings.Privacy;

namespace Quartier.Bookings.Data;

/// <summary>
/// The exclusion constraint that makes double booking impossible is added in the migration
/// (<c>EX_Appointments_Seat</c>): EF Core cannot express it.
/// </summary>
internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> appointment)
    {
        appointment.Property(a => a.Id).ValueGeneratedNever();
        appointment.HasOne<AppointmentService>().WithMany().HasForeignKey(a => a.ServiceId);
        appointment.Property(a => a.Channel).HasConversion<string>().HasMaxLength(16);
        appointment.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        appointment.Property(a => a.CancelledBy).HasConversion<string>().HasMaxLength(16);
        appointment.Property(a => a.FieldOfAction).HasMaxLength(40);
        appointment.Property(a => a.OutcomeFieldOfAction).HasMaxLength(40);
        appointment.Property(a => a.Language).HasMaxLength(3);
        appointment.Property(a => a.MessageLanguage).HasMaxLength(20);
        appointment.Property(a => a.ManagementTokenHash).HasMaxLength(64);
        appointment.Property(a => a.Version).IsRowVersion();
        appointment.Ignore(a => a.DoneAt);
        appointment.HasIndex(a => a.ManagementTokenHash).IsUnique();
        appointment.HasIndex(a => new { a.OfficeId, a.StartsAt });
        appointment.HasIndex(a => new { a.ServiceId, a.StartsAt });
        appointment.OwnsOne(a => a.Resident, resident =>
        {
            resident.Property(r => r.Name).HasColumnName("ResidentName").HasMaxLength(ContactRules.NameLength);
            resident.Property(r => r.Phone).HasColumnName("ResidentPhone").HasMaxLength(ContactRules.PhoneLength);
            resident.Property(r => r.Email).HasColumnName("ResidentEmail").HasMaxLength(ContactRules.EmailLength);
            resident.Property(r => r.Topic).HasColumnName("ResidentTopic").HasMaxLength(ContactRules.TopicLength);
            resident.Property(r => r.ConsentTextVersion).HasColumnName("ConsentTextVersion").HasMaxLength(ContactRules.ConsentVersionLength);
            resident.Property(r => r.ConsentLanguage).HasColumnName("ConsentLanguage").HasMaxLength(ContactRules.MessageLanguageLength);
            resident.Property(r => r.ConsentGivenAt).HasColumnName("ConsentGivenAt");
        });
        appointment.ToTable(table =>
        {
            table.HasCheckConstraint("CK_Appointments_Seat", "\"Seat\" >= 1");
            table.HasCheckConstraint("CK_Appointments_Times", "\"StartsAt\" < \"EndsAt\" AND \"EndsAt\" <= \"BlockedUntil\"");
        });
    }
}
