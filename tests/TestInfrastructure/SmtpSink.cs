using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using MimeKit;
using Quartier.Testing.Internal;

namespace Quartier.Testing;

/// <summary>
/// A real SMTP server for tests: Debian's aiosmtpd on a free loopback port, keeping every message it
/// accepts as a file in a throwaway Maildir. It can be stopped and started again on the same port to
/// test how the services ride out an SMTP outage.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";

    private readonly string directory;
    private readonly OutputBuffer output = new();
    private Process? server;

    private SmtpSink(string directory, int port)
    {
        this.directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The settings a service sends with (section <c>Mail</c>), links starting at <paramref name="publicAddress"/>.</summary>
    public Dictionary<string, string> Settings(string publicAddress = "http://quartier.test/") => new()
    {
        ["Mail:Host"] = "127.0.0.1",
        ["Mail:Port"] = Port.ToString(CultureInfo.InvariantCulture),
        ["Mail:Security"] = "None",
        ["Mail:FromAddress"] = "buero@quartier.test",
        ["Mail:FromName"] = "Quartier",
        ["Mail:PublicAddress"] = publicAddress,
        ["Mail:FirstRetry"] = "00:00:01",
        ["Mail:LongestRetry"] = "00:00:05",
    };

    public static async Task<SmtpSink> StartAsync(CancellationToken cancellationToken = default)
    {
        var directory = Directory.CreateTempSubdirectory("quartier-smtp-").FullName;
        foreach (var part in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(directory, part));
        }

        var sink = new SmtpSink(directory, FreePort.Next());
        await sink.ResumeAsync(cancellationToken).ConfigureAwait(false);
        return sink;
    }

    /// <summary>Starts the server (again) and waits until it accepts connections.</summary>
    public async Task ResumeAsync(CancellationToken cancellationToken = default)
    {
        var startInfo = new ProcessStartInfo(Python);
        foreach (var argument in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", directory })
        {
            startInfo.ArgumentList.Add(argument);
        }

        server = Command.StartCapturing(startInfo, output);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !server.HasExited)
            {
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException exception)
            {
                throw new InvalidOperationException($"The SMTP sink did not start: {output}", exception);
            }
        }
    }

    /// <summary>Stops the server: connections are refused until <see cref="ResumeAsync"/>. Accepted messages stay.</summary>
    public async Task StopAsync()
    {
        if (server is { } running)
        {
            await Command.KillAsync(running).ConfigureAwait(false);
            running.Dispose();
            server = null;
        }
    }

    /// <summary>How many messages were accepted so far (without reading them).</summary>
    public int Count => Directory.GetFiles(Path.Combine(directory, "new")).Length;

    /// <summary>Every message accepted so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Messages() => MessagesIn(directory);

    /// <summary>The messages kept in a Maildir (this sink's, or the AppHost's), oldest first.</summary>
    public static IReadOnlyList<MimeMessage> MessagesIn(string maildir) =>
        Directory.Exists(Path.Combine(maildir, "new"))
            ? [.. new DirectoryInfo(Path.Combine(maildir, "new")).GetFiles().OrderBy(file => file.CreationTimeUtc).ThenBy(file => file.Name)
                .Select(file => MimeMessage.Load(file.FullName))]
            : [];

    /// <summary>The messages to <paramref name="recipient"/>, once there are at least <paramref name="count"/> of them.</summary>
    public Task<IReadOnlyList<MimeMessage>> WaitForAsync(string recipient, int count = 1, TimeSpan? timeout = null) =>
        WaitForAsync(directory, recipient, count, timeout);

    /// <summary>The messages to <paramref name="recipient"/> in <paramref name="maildir"/>, once there are at least <paramref name="count"/> of them.</summary>
    public static async Task<IReadOnlyList<MimeMessage>> WaitForAsync(string maildir, string recipient, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var received = MessagesIn(maildir).Where(message => message.To.Mailboxes.Any(to => string.Equals(to.Address, recipient, StringComparison.OrdinalIgnoreCase))).ToList();
            if (received.Count >= count || DateTime.UtcNow > deadline)
            {
                return received;
            }

            await Task.Delay(200).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        ServiceAccount.DeleteDirectory(directory);
    }
}
