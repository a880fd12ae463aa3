using Microsoft.EntityFrameworkCore;
using Npgsql;
using Quartier.Offices.Data;
using Quartier.Offices.Directory;
using Quartier.ServiceDefaults.Messaging.Outbox;

namespace Quartier.Offices.DemoData;

public static class DemoDataLoader
{
    /// <summary>
    /// Registers the demo offices not yet in the directory, each with its <c>OfficeRegistered</c> in the
    /// outbox, in one transaction; returns how many it added (0 on a second run).
    /// </summary>
    public static async Task<int> LoadAsync(OfficesDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = DemoOffices.All.Select(demo => demo.Id).ToList();
        var present = await db.Offices.Where(office => ids.Contains(office.Id)).Select(office => office.Id).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var missing = DemoOffices.All.Where(demo => !present.Contains(demo.Id)).ToList();
        foreach (var (id, request) in missing)
        {
            var office = Office.Register(id, request, now);
            db.Offices.Add(office);
            db.AddIntegrationEvent(OfficeEvents.Registered(office), time);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return missing.Count;
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A loader running at the same moment registered them first; they are there, once.
            return 0;
        }
    }
}
