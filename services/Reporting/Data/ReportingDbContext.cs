using Microsoft.EntityFrameworkCore;
using Quartier.Reporting.Appointments;
using Quartier.Reporting.Callbacks;
using Quartier.Reporting.Contacts;
using Quartier.Reporting.EventLog;
using Quartier.Reporting.Events;
using Quartier.Reporting.FieldsOfAction;
using Quartier.Reporting.Offices;
using Quartier.Reporting.OpeningHours;
using Quartier.Reporting.Volunteers;
using Quartier.ServiceDefaults.Persistence;

namespace Quartier.Reporting.Data;

public sealed class ReportingDbContext(DbContextOptions<ReportingDbContext> options) : DbContext(options)
{
    public DbSet<EventLogEntry> EventLog => Set<EventLogEntry>();

    public DbSet<ReportedOffice> Offices => Set<ReportedOffice>();

    public DbSet<AppointmentRecord> Appointments => Set<AppointmentRecord>();

    public DbSet<AppointmentTally> AppointmentTallies => Set<AppointmentTally>();

    public DbSet<CallbackRecord> Callbacks => Set<CallbackRecord>();

    public DbSet<ContactRecord> Contacts => Set<ContactRecord>();

    public DbSet<OpeningDay> OpeningDays => Set<OpeningDay>();

    public DbSet<EventRecord> Events => Set<EventRecord>();

    public DbSet<RegistrationRecord> Registrations => Set<RegistrationRecord>();

    public DbSet<RegistrationTally> RegistrationTallies => Set<RegistrationTally>();

    public DbSet<VolunteerRecord> Volunteers => Set<VolunteerRecord>();

    public DbSet<TandemRecord> Tandems => Set<TandemRecord>();

    public DbSet<ShiftRecord> Shifts => Set<ShiftRecord>();

    public DbSet<HoursEntry> VolunteerHours => Set<HoursEntry>();

    public DbSet<FieldTally> FieldTallies => Set<FieldTally>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.StoreInstantsAsUtc();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ReportingDbContext).Assembly);
        modelBuilder.AddPlatformTables();
    }
}
