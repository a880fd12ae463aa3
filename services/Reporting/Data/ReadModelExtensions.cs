namespace Quartier.Reporting.Data;

internal static class ReadModelExtensions
{
    /// <summary>
    /// The state row of an entity, created empty by whichever of its events arrives first. The
    /// consumer serialises the events of one entity; should two still meet, they collide on the key
    /// or the row version and the message is retried, so no fact is lost.
    /// </summary>
    public static async Task<TRow> FindOrAddAsync<TRow>(this ReportingDbContext db, Guid id, Func<TRow> create, CancellationToken cancellationToken)
        where TRow : class
    {
        var row = await db.Set<TRow>().FindAsync([id], cancellationToken);
        if (row is null)
        {
            row = create();
            db.Add(row);
        }

        return row;
    }
}
