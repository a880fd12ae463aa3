using Microsoft.EntityFrameworkCore;
using Quartier.Engagement.Events;
using Quartier.Engagement.Hours;
using Quartier.Engagement.Offices;
using Quartier.Engagement.Opportunities;
using Quartier.Engagement.Registrations;
using Quartier.Engagement.Shifts;
using Quartier.Engagement.Tandems;
using Quartier.Engagement.Volunteers;
using Quartier.ServiceDefaults.Mail;
using Quartier.ServiceDefaults.Persistence;
using Quartier.ServiceDefaults.Privacy;

namespace Quartier.Engagement.Data;

public sealed class EngagementDbContext(DbContextOptions<EngagementDbContext> options) : DbContext(options)
{
    public DbSet<HostOffice> Offices => Set<HostOffice>();

    public DbSet<CommunityEvent> Events => Set<CommunityEvent>();

    public DbSet<Registration> Registrations => Set<Registration>();

    public DbSet<Volunteer> Volunteers => Set<Volunteer>();

    public DbSet<Opportunity> Opportunities => Set<Opportunity>();

    public DbSet<Shift> Shifts => Set<Shift>();

    public DbSet<ShiftAssignment> ShiftAssignments => Set<ShiftAssignment>();

    public DbSet<HoursEntry> HoursEntries => Set<HoursEntry>();

    public DbSet<Tandem> Tandems => Set<Tandem>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.StoreInstantsAsUtc();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EngagementDbContext).Assembly);
        modelBuilder.AddPlatformTables();
        modelBuilder.AddMailTables();
        modelBuilder.AddOfficeRetention();
    }
}
