using Microsoft.EntityFrameworkCore;
using Quartier.Bookings.Offices;
using Quartier.ServiceDefaults.Persistence;

namespace Quartier.Bookings.Data;

public sealed class BookingsDbContext(DbContextOptions<BookingsDbContext> options) : DbContext(options)
{
    public DbSet<BookableOffice> Offices => Set<BookableOffice>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BookingsDbContext).Assembly);
        modelBuilder.AddPlatformTables();
    }
}
