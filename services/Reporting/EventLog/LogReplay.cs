using Microsoft.EntityFrameworkCore;
using Quartier.Reporting.Data;

namespace Quartier.Reporting.EventLog;

/// <summary>
/// <c>rebuild</c>: empties every read model and replays the whole event log in log order, in one
/// transaction, so readers see the old figures until the new ones are complete.
/// </summary>
public static partial class LogReplay
{
    public const string Verb = "rebuild";

    private const int BatchSize = 2000;

    public static async Task RebuildReadModelsAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILogger<ReportingDbContext>>();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tables = string.Join(", ", ReadModelTables(db).Select(table => $"\"{table}\""));
#pragma warning disable EF1002 // The table names come from the model, not from input.
        await db.Database.ExecuteSqlRawAsync($"TRUNCATE {tables}", cancellationToken);
#pragma warning restore EF1002

        var (position, replayed) = (0L, 0);
        while (true)
        {
            var batch = await db.EventLog.AsNoTracking()
                .Where(entry => entry.Sequence > position)
                .OrderBy(entry => entry.Sequence)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var entry in batch)
            {
                await ReportedEvents.Named(entry.EventType).ProjectAsync(entry, scope.ServiceProvider, db, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            (position, replayed) = (batch[^1].Sequence, replayed + batch.Count);
        }

        await transaction.CommitAsync(cancellationToken);

        // Every read model was rewritten at once: VACUUM drops the row versions the replay left behind
        // (a tally is rewritten once per appointment), and without fresh statistics the planner takes a
        // year of rows for a handful and sorts them on disk instead of hashing them in memory.
#pragma warning disable EF1002 // The table names come from the model, not from input.
        await db.Database.ExecuteSqlRawAsync($"VACUUM (ANALYZE) {tables}", cancellationToken);
#pragma warning restore EF1002
        LogRebuilt(logger, replayed, position);
    }

    /// <summary>Every table of the model except the log itself and the platform's tables.</summary>
    public static IEnumerable<string> ReadModelTables(ReportingDbContext db) =>
        db.Model.GetEntityTypes()
            .Where(type => type.ClrType.Namespace?.StartsWith("Quartier.Reporting", StringComparison.Ordinal) == true && type.ClrType != typeof(EventLogEntry))
            .Select(type => type.GetTableName()!)
            .Order(StringComparer.Ordinal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Read models rebuilt from {Replayed} logged events up to log position {Position}")]
    private static partial void LogRebuilt(ILogger logger, int replayed, long position);
}
