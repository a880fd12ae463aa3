using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quartier.Engagement.Offices;
using Quartier.Engagement.Volunteers;

namespace Quartier.Engagement.Data;

internal sealed class VolunteerConfiguration : IEntityTypeConfiguration<Volunteer>
{
    public void Configure(EntityTypeBuilder<Volunteer> v)
    {
        v.HasKey(x => x.Id);
        v.Property(x => x.Id).ValueGeneratedNever();
        v.HasOne<HostOffice>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Restrict);
        v.Property(x => x.Name).HasMaxLength(VolunteerLimits.Name);
        v.Property(x => x.Email).HasMaxLength(VolunteerLimits.Email);
        v.Property(x => x.Phone).HasMaxLength(VolunteerLimits.Phone);
        v.Property(x => x.GuardianName).HasMaxLength(VolunteerLimits.Name);
        v.Property(x => x.GuardianConsentTextVersion).HasMaxLength(VolunteerLimits.ConsentTextVersion);
        v.Property(x => x.ConsentTextVersion).HasMaxLength(VolunteerLimits.ConsentTextVersion);
        v.Property(x => x.ConsentLanguage).HasMaxLength(VolunteerLimits.MessageLanguage);
        v.Property(x => x.AgeGroup).HasConversion<string>().HasMaxLength(16);
        v.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        v.Property(x => x.Version).IsRowVersion();
        v.Property(x => x.ManagementTokenHash).HasMaxLength(64);
        v.HasIndex(x => x.ManagementTokenHash).IsUnique();
        v.Property(x => x.MessageLanguage).HasMaxLength(VolunteerLimits.MessageLanguage);
        v.HasIndex(x => new { x.OfficeId, x.Status });
        v.OwnsMany(x => x.Availability, slot =>
        {
            slot.ToTable("VolunteerAvailability");
            slot.WithOwner().HasForeignKey("VolunteerId");
            slot.Property<int>("Id");
            slot.HasKey("Id");
        });
    }
}
