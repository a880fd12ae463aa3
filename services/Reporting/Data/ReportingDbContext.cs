using Microsoft.EntityFrameworkCore;
using Quartier.Reporting.EventLog;
using Quartier.Reporting.Offices;
using Quartier.ServiceDefaults.Persistence;

namespace Quartier.Reporting.Data;

public sealed class ReportingDbContext(DbContextOptions<ReportingDbContext> options) : DbContext(options)
{
    public DbSet<EventLogEntry> EventLog => Set<EventLogEntry>();

    public DbSet<ReportedOffice> Offices => Set<ReportedOffice>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ReportingDbContext).Assembly);
        modelBuilder.AddPlatformTables();
    }
}
