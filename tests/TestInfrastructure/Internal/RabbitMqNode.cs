using System.Security.Cryptography;
using System.Text.Json;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Quartier.Testing.Internal;

/// <summary>
/// A throwaway RabbitMQ node: its own directory, node name, ports, epmd and Erlang cookie, so it
/// neither sees nor disturbs a system broker or another test run.
/// </summary>
internal sealed class RabbitMqNode
{
    private static readonly ServiceAccount Account = ServiceAccount.For("rabbitmq");
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly string directory;
    private readonly string scriptDirectory;
    private readonly string nodeName = $"test-{Guid.NewGuid().ToString("N")[..8]}@localhost";
    private readonly int epmdPort = FreePort.Next();
    private readonly int distributionPort = FreePort.Next();
    private readonly OutputBuffer serverOutput = new();
    private Process? epmd;
    private Process? server;

    private RabbitMqNode(string directory, string scriptDirectory)
    {
        this.directory = directory;
        this.scriptDirectory = scriptDirectory;
    }

    public int AmqpPort { get; } = FreePort.Next();

    private string LogFile => Path.Combine(directory, "log", nodeName + ".log");

    public static async Task<RabbitMqNode> CreateAsync(CancellationToken cancellationToken)
    {
        var scriptDirectory = FindScriptDirectory();
        var node = new RabbitMqNode(await Account.CreateDirectoryAsync("quartier-rabbitmq-").ConfigureAwait(false), scriptDirectory);
        try
        {
            await node.WriteConfigurationAsync(cancellationToken).ConfigureAwait(false);
            await node.StartEpmdAsync(cancellationToken).ConfigureAwait(false);
            await node.StartAsync(cancellationToken).ConfigureAwait(false);
            return node;
        }
        catch
        {
            await node.DestroyAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        server?.Dispose();
        server = Command.StartCapturing(NodeCommand(Path.Combine(scriptDirectory, "rabbitmq-server")), serverOutput);
        await AwaitStartupAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The server script traps SIGTERM and shuts the Erlang VM down cleanly, which keeps the data
    /// for a restart; epmd stays, as it would on a real host.
    /// </summary>
    public async Task StopAsync()
    {
        if (server is not null)
        {
            await Command.StopAsync(server, StopTimeout).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the node and its epmd and deletes every file. Never throws: it runs on cleanup paths.</summary>
    public async Task DestroyAsync()
    {
        await StopAsync().ConfigureAwait(false);
        server?.Dispose();
        if (epmd is not null)
        {
            await Command.KillAsync(epmd).ConfigureAwait(false);
            epmd.Dispose();
        }

        ServiceAccount.DeleteDirectory(directory);
    }

    /// <summary>
    /// The default vhost and <see cref="IsolatedVirtualHosts"/> more, all open to guest. Importing
    /// definitions at boot skips the default user, so guest is defined here too (RabbitMQ's salted
    /// SHA-256 password hash).
    /// </summary>
    private static string Definitions()
    {
        var salt = RandomNumberGenerator.GetBytes(4);
        var hash = Convert.ToBase64String([.. salt, .. SHA256.HashData([.. salt, .. "guest"u8])]);
        string[] vhosts = ["/", .. Enumerable.Range(1, IsolatedVirtualHosts).Select(IsolatedVirtualHost)];
        return JsonSerializer.Serialize(new
        {
            users = new[] { new { name = "guest", password_hash = hash, hashing_algorithm = "rabbit_password_hashing_sha256", tags = new[] { "administrator" } } },
            vhosts = vhosts.Select(name => new { name }),
            permissions = vhosts.Select(vhost => new { user = "guest", vhost, configure = ".*", write = ".*", read = ".*" }),
        });
    }

    public const int IsolatedVirtualHosts = 64;

    public static string IsolatedVirtualHost(int number) => $"isolated-{number:00}";

    private async Task WriteConfigurationAsync(CancellationToken cancellationToken)
    {
        // No plugins: tests need AMQP only, and the management listener would want a port of its own.
        await File.WriteAllTextAsync(Path.Combine(directory, "enabled_plugins"), "[].\n", cancellationToken).ConfigureAwait(false);

        // A nearly full CI disk would otherwise raise the disk alarm and silently block every publisher.
        // The definitions create the isolated virtual hosts at boot: one rabbitmqctl call per vhost
        // would start an Erlang VM each time, far too slow on a busy machine.
        var definitions = Path.Combine(directory, "definitions.json");
        await File.WriteAllTextAsync(definitions, Definitions(), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(
            Path.Combine(directory, "rabbitmq.conf"),
            $"disk_free_limit.absolute = 50MB\ndefinitions.import_backend = local_filesystem\ndefinitions.local.path = {definitions}\n",
            cancellationToken).ConfigureAwait(false);

        // Erlang resolves "localhost" through a helper process (inet_gethost) by default; orphaned
        // helpers pile up as zombies in containers whose init does not reap. A hosts table avoids them.
        await File.WriteAllTextAsync(
            Path.Combine(directory, "inetrc"),
            "{lookup, [file]}.\n{host, {127,0,0,1}, [\"localhost\"]}.\n",
            cancellationToken).ConfigureAwait(false);

        // A private cookie in the node's own HOME: rabbitmqctl (same HOME) can talk to this node and
        // nothing else can. Erlang rejects a cookie file others can read.
        var cookie = Path.Combine(directory, ".erlang.cookie");
        await File.WriteAllTextAsync(cookie, Convert.ToHexString(Guid.NewGuid().ToByteArray()), cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(cookie, UnixFileMode.UserRead);
        }

        await Account.GiveAwayAsync(directory).ConfigureAwait(false);
    }

    /// <summary>
    /// Our own epmd on its own port, started by us rather than by the VM: a VM-started epmd daemonizes
    /// and outlives the broker, with nothing but its environment telling which one it is.
    /// </summary>
    private async Task StartEpmdAsync(CancellationToken cancellationToken)
    {
        var executable = Executables.FindOnPath("epmd") ?? "/usr/lib/erlang/bin/epmd";
        var epmdOutput = new OutputBuffer();
        epmd = Command.StartCapturing(
            Account.StartInfo(executable, directory, "-port", epmdPort.ToString(CultureInfo.InvariantCulture), "-address", "127.0.0.1"),
            epmdOutput);
        var started = Stopwatch.StartNew();
        while (!await IsListeningAsync(epmdPort, cancellationToken).ConfigureAwait(false))
        {
            if (epmd.HasExited || started.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new InvalidOperationException($"epmd did not come up on port {epmdPort}:\n{epmdOutput}");
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<bool> IsListeningAsync(int port, CancellationToken cancellationToken)
    {
        try
        {
            using var probe = new TcpClient();
            await probe.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>
    /// rabbitmqctl await_startup fails at once while the node has not registered with epmd yet, so it
    /// is retried until the node is up, the server process has died, or time runs out.
    /// </summary>
    private async Task AwaitStartupAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var lastAttempt = string.Empty;
        while (started.Elapsed < StartTimeout)
        {
            if (server!.HasExited)
            {
                throw StartFailure($"rabbitmq-server exited with code {server.ExitCode}.");
            }

            var remaining = StartTimeout - started.Elapsed;
            var result = await Command.RunAsync(
                NodeCommand(
                    Path.Combine(scriptDirectory, "rabbitmqctl"),
                    "-n", nodeName, "-q", "await_startup", "--timeout", ((int)Math.Ceiling(remaining.TotalSeconds)).ToString(CultureInfo.InvariantCulture)),
                remaining + TimeSpan.FromSeconds(10),
                cancellationToken).ConfigureAwait(false);
            if (result.Succeeded)
            {
                return;
            }

            lastAttempt = result.Output;
            await Task.Delay(250, cancellationToken).ConfigureAwait(false);
        }

        throw StartFailure($"Node {nodeName} did not start within {StartTimeout.TotalSeconds:0} s. Last rabbitmqctl output:\n{lastAttempt}");
    }

    private InvalidOperationException StartFailure(string reason) =>
        new($"RabbitMQ failed to start. {reason}\n--- server output ---\n{serverOutput}\n--- tail of {LogFile} ---\n{Command.Tail(LogFile)}");

    /// <summary>
    /// Every setting goes through the environment, for the server and rabbitmqctl alike. The scripts
    /// are called directly rather than through Debian's /usr/sbin wrappers, which switch users with su
    /// and so reset HOME (and with it the cookie) to /var/lib/rabbitmq, the system broker's home.
    /// </summary>
    private ProcessStartInfo NodeCommand(string script, params string[] arguments)
    {
        var startInfo = Account.StartInfo(script, directory, arguments);
        var environment = startInfo.Environment;
        environment["HOME"] = directory;
        environment["RABBITMQ_NODENAME"] = nodeName;
        environment["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
        environment["RABBITMQ_NODE_PORT"] = AmqpPort.ToString(CultureInfo.InvariantCulture);
        environment["RABBITMQ_DIST_PORT"] = distributionPort.ToString(CultureInfo.InvariantCulture);
        environment["RABBITMQ_MNESIA_BASE"] = Path.Combine(directory, "mnesia");
        environment["RABBITMQ_LOG_BASE"] = Path.Combine(directory, "log");
        environment["RABBITMQ_CONFIG_FILE"] = Path.Combine(directory, "rabbitmq.conf");
        environment["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(directory, "enabled_plugins");
        // Point the optional files into our (empty) directory so /etc/rabbitmq cannot leak in.
        environment["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(directory, "rabbitmq-env.conf");
        environment["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(directory, "advanced.config");
        environment["ERL_EPMD_PORT"] = epmdPort.ToString(CultureInfo.InvariantCulture);
        environment["ERL_EPMD_ADDRESS"] = "127.0.0.1";
        environment["ERL_INETRC"] = Path.Combine(directory, "inetrc");
        // Use our epmd instead of spawning a daemon, and keep Erlang distribution (the node's and the
        // CLI's) on loopback.
        environment["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-start_epmd false -kernel inet_dist_use_interface {127,0,0,1}";
        environment["RABBITMQ_CTL_ERL_ARGS"] = "-start_epmd false -kernel inet_dist_use_interface {127,0,0,1}";
        return startInfo;
    }

    /// <summary>Debian's /usr/lib/rabbitmq/bin, else the directory of rabbitmq-server on PATH.</summary>
    private static string FindScriptDirectory()
    {
        const string debian = "/usr/lib/rabbitmq/bin";
        return File.Exists(Path.Combine(debian, "rabbitmq-server"))
            ? debian
            : Path.GetDirectoryName(Executables.FindOnPath("rabbitmq-server"))
                ?? throw new InvalidOperationException(
                    "rabbitmq-server not found (looked in /usr/lib/rabbitmq/bin and on PATH). Install the rabbitmq-server package, or set QUARTIER_TEST_RABBITMQ to an amqp:// URI.");
    }
}
