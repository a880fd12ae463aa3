using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quartier.Engagement.Events;
using Quartier.Engagement.Offices;

namespace Quartier.Engagement.Data;

internal sealed class CommunityEventConfiguration : IEntityTypeConfiguration<CommunityEvent>
{
    public void Configure(EntityTypeBuilder<CommunityEvent> e)
    {
        e.ToTable("Events", table =>
        {
            table.HasCheckConstraint("CK_Events_Seats", "\"ConfirmedPeople\" BETWEEN 0 AND \"Capacity\"");
            table.HasCheckConstraint("CK_Events_Period", "\"EndsAt\" > \"StartsAt\"");
        });
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.HasOne<HostOffice>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.FieldOfAction).HasMaxLength(40);
        e.Property(x => x.Place).HasMaxLength(EventLimits.Place);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Ignore(x => x.FreeSeats);
        e.HasIndex(x => new { x.OfficeId, x.StartsAt });
        e.HasIndex(x => x.StartsAt);
        e.OwnsMany(x => x.Texts, text =>
        {
            text.ToTable("EventTexts");
            text.WithOwner().HasForeignKey("EventId");
            text.HasKey("EventId", nameof(EventText.Language));
            text.Property(t => t.Language).HasMaxLength(2);
            text.Property(t => t.Title).HasMaxLength(EventLimits.Title);
            text.Property(t => t.Description).HasMaxLength(EventLimits.Description);
        });
    }
}
