using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quartier.Engagement.Offices;
using Quartier.Engagement.Opportunities;

namespace Quartier.Engagement.Data;

internal sealed class OpportunityConfiguration : IEntityTypeConfiguration<Opportunity>
{
    public void Configure(EntityTypeBuilder<Opportunity> o)
    {
        o.HasKey(x => x.Id);
        o.Property(x => x.Id).ValueGeneratedNever();
        o.HasOne<HostOffice>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Restrict);
        o.Property(x => x.Title).HasMaxLength(OpportunityLimits.Title);
        o.Property(x => x.Description).HasMaxLength(OpportunityLimits.Description);
        o.Property(x => x.FieldOfAction).HasMaxLength(40);
        o.HasIndex(x => x.OfficeId);
    }
}
