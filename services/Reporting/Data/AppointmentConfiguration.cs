using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quartier.Reporting.Appointments;

namespace Quartier.Reporting.Data;

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<AppointmentRecord>
{
    public void Configure(EntityTypeBuilder<AppointmentRecord> appointment)
    {
        appointment.ToTable("Appointments");
        appointment.HasKey(a => a.AppointmentId);
        appointment.Property(a => a.AppointmentId).ValueGeneratedNever();
        appointment.Property(a => a.Channel).HasConversion<string>().HasMaxLength(20);
        appointment.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(20);
        appointment.Property(a => a.FieldOfAction).HasMaxLength(50);
        appointment.Property(a => a.Language).HasMaxLength(10);
        appointment.Property(a => a.Version).IsRowVersion();
        // Reports select a period for one office, or for all of them.
        appointment.HasIndex(a => new { a.OfficeId, a.Date });
        appointment.HasIndex(a => a.Date);
    }
}
