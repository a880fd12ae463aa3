using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quartier.Engagement.Events;
using Quartier.Engagement.Registrations;

namespace Quartier.Engagement.Data;

internal sealed class RegistrationConfiguration : IEntityTypeConfiguration<Registration>
{
    public void Configure(EntityTypeBuilder<Registration> r)
    {
        r.ToTable("Registrations", table =>
        {
            table.HasCheckConstraint("CK_Registrations_People", "\"People\" >= 1");
            table.HasCheckConstraint("CK_Registrations_Attended", "\"PeopleAttended\" IS NULL OR \"PeopleAttended\" BETWEEN 0 AND \"People\"");
        });
        r.HasKey(x => x.Id);
        r.Property(x => x.Id).ValueGeneratedNever();
        r.Property(x => x.Sequence).UseIdentityAlwaysColumn();
        r.HasAlternateKey(x => x.Sequence);
        r.HasOne<CommunityEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Restrict);
        r.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        r.Property(x => x.Name).HasMaxLength(RegistrationLimits.Name);
        r.Property(x => x.Email).HasMaxLength(RegistrationLimits.Email);
        r.Property(x => x.MessageLanguage).HasMaxLength(RegistrationLimits.MessageLanguage);
        r.Property(x => x.Phone).HasMaxLength(RegistrationLimits.Phone);
        r.Property(x => x.ConsentTextVersion).HasMaxLength(RegistrationLimits.ConsentTextVersion);
        r.Property(x => x.ConsentLanguage).HasMaxLength(RegistrationLimits.MessageLanguage);
        r.Property(x => x.ManagementTokenHash).HasMaxLength(64);
        r.HasIndex(x => x.ManagementTokenHash).IsUnique();
        r.HasIndex(x => new { x.EventId, x.Status, x.Sequence });
    }
}
