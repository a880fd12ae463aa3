using System.Diagnostics;
using System.Globalization;

namespace Quartier.Testing.Internal;

/// <summary>A throwaway PostgreSQL cluster: initdb into a temp directory, pg_ctl to start and stop it.</summary>
internal sealed class PostgresCluster
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);

    private static readonly ServiceAccount Account = ServiceAccount.For("postgres");

    private readonly string binDirectory;
    private readonly string directory;

    private PostgresCluster(string binDirectory, string directory, int port)
    {
        this.binDirectory = binDirectory;
        this.directory = directory;
        Port = port;
    }

    public int Port { get; }

    private string DataDirectory => Path.Combine(directory, "data");

    private string LogFile => Path.Combine(directory, "postgres.log");

    public static async Task<PostgresCluster> CreateAsync(CancellationToken cancellationToken)
    {
        var binDirectory = FindBinDirectory();
        var directory = await Account.CreateDirectoryAsync("quartier-postgres-").ConfigureAwait(false);
        var cluster = new PostgresCluster(binDirectory, directory, FreePort.Next());
        try
        {
            // Trust on loopback only, and no fsync: the data lives as long as one test run.
            await cluster.RunAsync(
                "initdb",
                "start",
                cancellationToken,
                "-D", cluster.DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync").ConfigureAwait(false);
            await cluster.StartAsync(cancellationToken).ConfigureAwait(false);
            return cluster;
        }
        catch
        {
            await cluster.DestroyAsync().ConfigureAwait(false);
            throw;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) =>
        // The socket goes into our own directory: /var/run/postgresql belongs to the system cluster.
        RunAsync(
            "pg_ctl",
            "start",
            cancellationToken,
            "-D", DataDirectory,
            "-l", LogFile,
            "-w", "-t", "60",
            "-o", string.Create(
                CultureInfo.InvariantCulture,
                $"-p {Port} -k '{directory}' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=500"),
            "start");

    /// <summary>Fast shutdown: clients are disconnected, the data stays for a restart.</summary>
    public Task StopAsync() => RunAsync("pg_ctl", "stop", CancellationToken.None, "-D", DataDirectory, "-m", "fast", "-w", "stop");

    /// <summary>Immediate shutdown and removal of every file. Never throws: it runs on cleanup paths.</summary>
    public async Task DestroyAsync()
    {
        try
        {
            await RunAsync("pg_ctl", "stop", CancellationToken.None, "-D", DataDirectory, "-m", "immediate", "-w", "stop").ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            // Not running (or pg_ctl is stuck): make sure no postmaster outlives the directory.
            await KillPostmasterAsync().ConfigureAwait(false);
        }

        ServiceAccount.DeleteDirectory(directory);
    }

    private async Task KillPostmasterAsync()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), CultureInfo.InvariantCulture, out var pid))
        {
            try
            {
                using var postmaster = Process.GetProcessById(pid);
                await Command.KillAsync(postmaster).ConfigureAwait(false);
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }
    }

    private async Task RunAsync(string tool, string purpose, CancellationToken cancellationToken, params string[] arguments)
    {
        var result = await Command.RunAsync(
            Account.StartInfo(Path.Combine(binDirectory, tool), directory, arguments),
            CommandTimeout,
            cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"PostgreSQL {tool} ({purpose}) failed with exit code {result.ExitCode}:\n{result.Output}\n--- tail of {LogFile} ---\n{Command.Tail(LogFile)}");
        }
    }

    /// <summary>The newest /usr/lib/postgresql/N/bin (Debian's layout), else wherever pg_ctl is on PATH.</summary>
    private static string FindBinDirectory()
    {
        const string debianRoot = "/usr/lib/postgresql";
        var debian = Directory.Exists(debianRoot)
            ? Directory.GetDirectories(debianRoot)
                .Select(versionDirectory => (Version: int.TryParse(Path.GetFileName(versionDirectory), CultureInfo.InvariantCulture, out var version) ? version : 0,
                    Bin: Path.Combine(versionDirectory, "bin")))
                .Where(candidate => File.Exists(Path.Combine(candidate.Bin, "pg_ctl")))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => candidate.Bin)
                .FirstOrDefault()
            : null;
        return debian
            ?? Path.GetDirectoryName(Executables.FindOnPath("pg_ctl"))
            ?? throw new InvalidOperationException(
                "PostgreSQL server binaries not found (looked in /usr/lib/postgresql/*/bin and on PATH). Install the postgresql package, or set QUARTIER_TEST_POSTGRES to a superuser connection string.");
    }
}
