using Microsoft.EntityFrameworkCore;
using Quartier.Bookings.AppointmentServices;
using Quartier.Bookings.Appointments;
using Quartier.Bookings.Callbacks;
using Quartier.Bookings.Contacts;
using Quartier.Bookings.Offices;
using Quartier.Bookings.OpeningHours;
using Quartier.ServiceDefaults.Mail;
using Quartier.ServiceDefaults.Persistence;
using Quartier.ServiceDefaults.Privacy;

namespace Quartier.Bookings.Data;

public sealed class BookingsDbContext(DbContextOptions<BookingsDbContext> options) : DbContext(options)
{
    public DbSet<BookableOffice> Offices => Set<BookableOffice>();

    public DbSet<OfficeSchedule> Schedules => Set<OfficeSchedule>();

    public DbSet<AppointmentService> AppointmentServices => Set<AppointmentService>();

    public DbSet<Appointment> Appointments => Set<Appointment>();

    public DbSet<CallbackSettings> CallbackSettings => Set<CallbackSettings>();

    public DbSet<CallbackRequest> CallbackRequests => Set<CallbackRequest>();

    public DbSet<AnonymousContact> AnonymousContacts => Set<AnonymousContact>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.StoreInstantsAsUtc();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BookingsDbContext).Assembly);
        modelBuilder.AddPlatformTables();
        modelBuilder.AddMailTables();
        modelBuilder.AddOfficeRetention();
    }
}
