using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quartier.Engagement.Opportunities;
using Quartier.Engagement.Shifts;
using Quartier.Engagement.Volunteers;

namespace Quartier.Engagement.Data;

internal sealed class ShiftConfiguration : IEntityTypeConfiguration<Shift>
{
    public void Configure(EntityTypeBuilder<Shift> s)
    {
        s.ToTable("Shifts", table =>
        {
            table.HasCheckConstraint("CK_Shifts_Headcount", "\"SignedUp\" BETWEEN 0 AND \"Needed\"");
            table.HasCheckConstraint("CK_Shifts_Period", "\"EndsAt\" > \"StartsAt\"");
        });
        s.HasKey(x => x.Id);
        s.Property(x => x.Id).ValueGeneratedNever();
        s.HasOne<Opportunity>().WithMany().HasForeignKey(x => x.OpportunityId).OnDelete(DeleteBehavior.Restrict);
        s.Ignore(x => x.IsFull);
        s.HasIndex(x => new { x.OfficeId, x.StartsAt });
    }
}

internal sealed class ShiftAssignmentConfiguration : IEntityTypeConfiguration<ShiftAssignment>
{
    public void Configure(EntityTypeBuilder<ShiftAssignment> a)
    {
        // The exclusion constraint against overlapping shifts of one volunteer is added in the migration (EF cannot express it).
        a.HasKey(x => x.Id);
        a.Property(x => x.Id).ValueGeneratedNever();
        a.HasOne<Shift>().WithMany().HasForeignKey(x => x.ShiftId).OnDelete(DeleteBehavior.Restrict);
        a.HasOne<Volunteer>().WithMany().HasForeignKey(x => x.VolunteerId).OnDelete(DeleteBehavior.Restrict);
        a.HasIndex(x => new { x.ShiftId, x.VolunteerId }).IsUnique().HasDatabaseName(ShiftEndpoints.OncePerShiftIndex);
        a.HasIndex(x => x.VolunteerId);
    }
}
