using Microsoft.EntityFrameworkCore;
using Quartier.Engagement.Offices;
using Quartier.ServiceDefaults.Persistence;

namespace Quartier.Engagement.Data;

public sealed class EngagementDbContext(DbContextOptions<EngagementDbContext> options) : DbContext(options)
{
    public DbSet<HostOffice> Offices => Set<HostOffice>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EngagementDbContext).Assembly);
        modelBuilder.AddPlatformTables();
    }
}
