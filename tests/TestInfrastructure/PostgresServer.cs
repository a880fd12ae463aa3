using Npgsql;
using Quartier.Testing.Internal;

namespace Quartier.Testing;

/// <summary>
/// A real PostgreSQL server for tests: a throwaway cluster started from the system binaries on a free
/// loopback port, or the server named by <c>QUARTIER_TEST_POSTGRES</c> when that is set.
/// </summary>
public sealed partial class PostgresServer : IAsyncDisposable
{
    /// <summary>An Npgsql connection string of a superuser on an existing server, which is then used instead.</summary>
    public const string ExternalServerVariable = "QUARTIER_TEST_POSTGRES";

    private readonly PostgresCluster? cluster;
    private readonly List<string> createdDatabases = [];
    private readonly Lock gate = new();

    private PostgresServer(string adminConnectionString, PostgresCluster? cluster)
    {
        AdminConnectionString = adminConnectionString;
        this.cluster = cluster;
    }

    /// <summary>Superuser connection to the <c>postgres</c> database.</summary>
    public string AdminConnectionString { get; }

    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var external = Environment.GetEnvironmentVariable(ExternalServerVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new PostgresServer(external, cluster: null);
        }

        var cluster = await PostgresCluster.CreateAsync(cancellationToken).ConfigureAwait(false);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = cluster.Port,
            Username = "postgres",
            Database = "postgres",
            // Tests want the failing row in the exception, and idle connections handed back quickly:
            // one server carries every database of the test run, bounded by max_connections.
            IncludeErrorDetail = true,
            MaxPoolSize = 50,
            ConnectionIdleLifetime = 10,
        };
        return new PostgresServer(builder.ConnectionString, cluster);
    }

    /// <summary>
    /// Creates an empty database named <paramref name="namePrefix"/> plus a random suffix, so tests
    /// running side by side never share one, and returns its connection string.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string namePrefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(namePrefix);
        var prefix = namePrefix.ToLowerInvariant();
        if (!DatabasePrefix().IsMatch(prefix))
        {
            throw new ArgumentException("Use letters, digits and underscores, starting with a letter, at most 50 characters.", nameof(namePrefix));
        }

        var name = $"{prefix}_{Guid.NewGuid().ToString("N")[..8]}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\"").ConfigureAwait(false);
        lock (gate)
        {
            createdDatabases.Add(name);
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Fast shutdown (clients are cut off, data is kept), to test how services ride out a database outage.</summary>
    public Task StopAsync() => OwnedCluster().StopAsync();

    /// <summary>Starts the stopped server again on the same port with the same data.</summary>
    public Task StartAgainAsync() => OwnedCluster().StartAsync(CancellationToken.None);

    /// <summary>Stops our own server and deletes its files; on an external server only drops the databases we created.</summary>
    public async ValueTask DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DestroyAsync().ConfigureAwait(false);
            return;
        }

        string[] names;
        lock (gate)
        {
            names = [.. createdDatabases];
        }

        foreach (var name in names)
        {
            try
            {
                await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)").ConfigureAwait(false);
            }
            catch (NpgsqlException)
            {
                // The shared server keeps a stray test database; that must not fail the run.
            }
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private PostgresCluster OwnedCluster() =>
        cluster ?? throw new NotSupportedException(
            $"Stopping the server needs one started by the tests; unset {ExternalServerVariable} to run outage tests.");

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z][a-z0-9_]{0,49}$")]
    private static partial System.Text.RegularExpressions.Regex DatabasePrefix();
}
