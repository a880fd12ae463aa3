using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quartier.Reporting.Callbacks;

namespace Quartier.Reporting.Data;

internal sealed class CallbackConfiguration : IEntityTypeConfiguration<CallbackRecord>
{
    public void Configure(EntityTypeBuilder<CallbackRecord> callback)
    {
        callback.ToTable("Callbacks");
        callback.HasKey(c => c.CallbackId);
        callback.Property(c => c.CallbackId).ValueGeneratedNever();
        callback.Property(c => c.FieldOfAction).HasMaxLength(50);
        callback.Property(c => c.Language).HasMaxLength(10);
        callback.Property(c => c.Version).IsRowVersion();
        callback.HasIndex(c => new { c.OfficeId, c.Date });
        callback.HasIndex(c => c.Date);
    }
}
