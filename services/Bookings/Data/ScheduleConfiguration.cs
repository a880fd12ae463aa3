using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quartier.Bookings.AppointmentServices;
using Quartier.Bookings.Offices;
using Quartier.Bookings.OpeningHours;
using Quartier.ServiceDefaults.Persistence;

namespace Quartier.Bookings.Data;

internal sealed class ScheduleConfiguration : IEntityTypeConfiguration<OfficeSchedule>
{
    public void Configure(EntityTypeBuilder<OfficeSchedule> schedule)
    {
        schedule.HasKey(s => s.OfficeId);
        schedule.Property(s => s.OfficeId).ValueGeneratedNever();
        schedule.HasOne<BookableOffice>().WithOne().HasForeignKey<OfficeSchedule>(s => s.OfficeId);
        schedule.Property(s => s.Plans).HasJsonConversion();
        schedule.Property(s => s.Exceptions).HasJsonConversion();
        schedule.Property(s => s.Closures).HasJsonConversion();
        schedule.Property(s => s.Version).IsRowVersion();
    }
}

internal sealed class AppointmentServiceConfiguration : IEntityTypeConfiguration<AppointmentService>
{
    public void Configure(EntityTypeBuilder<AppointmentService> service)
    {
        service.HasOne<BookableOffice>().WithMany().HasForeignKey(s => s.OfficeId);
        service.Property(s => s.Names).HasJsonConversion();
        service.Property(s => s.Channels).HasJsonConversion();
        service.Property(s => s.FieldOfAction).HasMaxLength(40);
        service.Property(s => s.Version).IsRowVersion();
        service.Ignore(s => s.Duration);
        service.Ignore(s => s.BufferAfter);
        service.ToTable(table =>
        {
            table.HasCheckConstraint("CK_AppointmentServices_Capacity", "\"Capacity\" >= 1");
            table.HasCheckConstraint("CK_AppointmentServices_Duration", "\"DurationMinutes\" > 0");
        });
    }
}
