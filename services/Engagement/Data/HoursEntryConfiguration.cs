using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quartier.Engagement.Hours;
using Quartier.Engagement.Offices;
using Quartier.Engagement.Shifts;
using Quartier.Engagement.Volunteers;

namespace Quartier.Engagement.Data;

internal sealed class HoursEntryConfiguration : IEntityTypeConfiguration<HoursEntry>
{
    public void Configure(EntityTypeBuilder<HoursEntry> h)
    {
        h.ToTable("HoursEntries", table => table.HasCheckConstraint("CK_HoursEntries_Hours", "\"Hours\" > 0 AND \"Hours\" <= 24"));
        h.HasKey(x => x.Id);
        h.Property(x => x.Id).ValueGeneratedNever();
        h.HasOne<Volunteer>().WithMany().HasForeignKey(x => x.VolunteerId).OnDelete(DeleteBehavior.Restrict);
        h.HasOne<HostOffice>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Restrict);
        h.HasOne<Shift>().WithMany().HasForeignKey(x => x.ShiftId).OnDelete(DeleteBehavior.Restrict);
        h.Property(x => x.FieldOfAction).HasMaxLength(40);
        h.Property(x => x.Hours).HasPrecision(5, 2);
        h.HasIndex(x => new { x.ShiftId, x.VolunteerId }).IsUnique().HasFilter("\"ShiftId\" IS NOT NULL").HasDatabaseName(ShiftEndpoints.ShiftHoursIndex);
        h.HasIndex(x => new { x.OfficeId, x.Date });
        h.HasIndex(x => new { x.VolunteerId, x.Date });
    }
}
