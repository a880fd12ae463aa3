using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Quartier.ServiceDefaults.Persistence;

/// <summary>
/// Plain Npgsql commands on a context's own connection, for the few hot statements where EF's query or
/// save pipeline costs more than the statement itself.
/// </summary>
public static class PlainCommands
{
    /// <summary>Runs <paramref name="use"/> on the context's connection, opened for it and closed after unless EF holds it open.</summary>
    public static async Task<T> OnConnectionAsync<T>(this DbContext db, Func<NpgsqlConnection, Task<T>> use, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(use);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await use((NpgsqlConnection)db.Database.GetDbConnection());
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
