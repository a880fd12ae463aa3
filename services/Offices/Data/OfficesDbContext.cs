using Quartier.ServiceDefaults.Mail;
using Microsoft.EntityFrameworkCore;
using Quartier.Offices.Directory;
using Quartier.ServiceDefaults.Persistence;

namespace Quartier.Offices.Data;

public sealed class OfficesDbContext(DbContextOptions<OfficesDbContext> options) : DbContext(options)
{
    public DbSet<Office> Offices => Set<Office>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.StoreInstantsAsUtc();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OfficesDbContext).Assembly);
        modelBuilder.AddPlatformTables();
        modelBuilder.AddMailTables();
    }
}
