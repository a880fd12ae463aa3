using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quartier.Engagement.Tandems;
using Quartier.Engagement.Volunteers;

namespace Quartier.Engagement.Data;

internal sealed class TandemConfiguration : IEntityTypeConfiguration<Tandem>
{
    public void Configure(EntityTypeBuilder<Tandem> t)
    {
        t.HasKey(x => x.Id);
        t.Property(x => x.Id).ValueGeneratedNever();
        t.HasOne<Volunteer>().WithMany().HasForeignKey(x => x.VolunteerId).OnDelete(DeleteBehavior.Restrict);
        t.Property(x => x.PartnerName).HasMaxLength(TandemLimits.PartnerName);
        t.Property(x => x.Purpose).HasMaxLength(TandemLimits.Purpose);
        t.HasIndex(x => x.OfficeId);
    }
}
