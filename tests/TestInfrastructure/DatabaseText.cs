using System.Text;
using Npgsql;

namespace Quartier.Testing;

/// <summary>Everything a database stores, as text to search: to show that something is stored nowhere, not just not where one looked.</summary>
public static class DatabaseText
{
    /// <summary>Every row of every table of the database's public schema, one JSON object per line, each line prefixed with its table.</summary>
    public static async Task<string> EveryRowAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename", connection))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                tables.Add(reader.GetString(0));
            }
        }

        var text = new StringBuilder();
        foreach (var table in tables)
        {
            await using var rows = new NpgsqlCommand($"""SELECT row_to_json(t)::text FROM "{table}" t""", connection);
            await using var reader = await rows.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                text.Append(table).Append(": ").AppendLine(reader.GetString(0));
            }
        }

        return text.ToString();
    }

    /// <summary>The tables (with the row) where any of <paramref name="texts"/> occurs.</summary>
    public static async Task<IReadOnlyList<string>> RowsContainingAsync(string connectionString, IEnumerable<string> texts, CancellationToken cancellationToken)
    {
        var everything = await EveryRowAsync(connectionString, cancellationToken).ConfigureAwait(false);
        return [.. everything.Split('\n').Where(line => texts.Any(text => line.Contains(text, StringComparison.Ordinal)))];
    }
}
