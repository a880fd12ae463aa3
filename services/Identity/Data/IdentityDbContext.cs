using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Quartier.Identity.AccessRecords;
using Quartier.Identity.Accounts;
using Quartier.ServiceDefaults.Persistence;

namespace Quartier.Identity.Data;

/// <summary>
/// Staff accounts (ASP.NET Core Identity), OpenIddict's applications, authorizations and tokens, the
/// data-protection keys that sign cookies and invitation links across instances, and the access record.
/// </summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options)
    : IdentityDbContext<StaffAccount, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<OfficeMembership> Memberships => Set<OfficeMembership>();

    public DbSet<AccessRecord> AccessRecords => Set<AccessRecord>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.StoreInstantsAsUtc();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
        builder.AddPlatformTables();

        builder.Entity<StaffAccount>(account =>
        {
            account.Property(a => a.DisplayName).HasMaxLength(200);
            account.HasMany(a => a.Memberships).WithOne().HasForeignKey(m => m.AccountId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<OfficeMembership>(membership =>
        {
            membership.ToTable("OfficeMemberships");
            membership.HasKey(m => new { m.AccountId, m.OfficeId });
            membership.HasIndex(m => m.OfficeId);
            membership.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        });

        builder.Entity<AccessRecord>(record =>
        {
            record.ToTable("AccessRecords");
            record.HasKey(r => r.Id);
            record.Property(r => r.Id).ValueGeneratedNever();
            record.Property(r => r.Actor).HasMaxLength(200);
            record.Property(r => r.Service).HasMaxLength(50);
            record.Property(r => r.Purpose).HasMaxLength(100);
            record.HasIndex(r => r.ReadAt);
            record.HasIndex(r => new { r.OfficeId, r.ReadAt });
        });
    }
}
