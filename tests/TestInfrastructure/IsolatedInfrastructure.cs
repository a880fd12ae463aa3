using System.Globalization;

namespace Quartier.Testing;

/// <summary>
/// What the AppHost needs to run beside anything else on the machine: its PostgreSQL, RabbitMQ and SMTP
/// sink as Debian's executables in a throwaway directory, on free ports chosen once (a restart keeps them).
/// </summary>
public sealed class IsolatedInfrastructure : IDisposable
{
    private IsolatedInfrastructure(string dataDirectory)
    {
        DataDirectory = dataDirectory;
        AppHostArguments =
        [
            "Infrastructure:Mode=executables",
            $"Infrastructure:DataDirectory={dataDirectory}",
            string.Create(CultureInfo.InvariantCulture, $"Infrastructure:PostgresPort={FreePort.Next()}"),
            string.Create(CultureInfo.InvariantCulture, $"Infrastructure:RabbitMqPort={FreePort.NextBlock(13)}"),
            "Infrastructure:RabbitMqManagementPort=0",
            string.Create(CultureInfo.InvariantCulture, $"Infrastructure:SmtpPort={FreePort.Next()}"),
            string.Create(CultureInfo.InvariantCulture, $"Infrastructure:MailPagePort={FreePort.Next()}"),
            "DcpPublisher:RandomizePorts=true",
        ];
    }

    public string DataDirectory { get; }

    /// <summary>The Maildir where the SMTP sink keeps what the services sent.</summary>
    public string MailDirectory => Path.Combine(DataDirectory, "mail");

    /// <summary>Configuration for the AppHost, as command-line arguments.</summary>
    public string[] AppHostArguments { get; }

    public static IsolatedInfrastructure Create()
    {
        var directory = Directory.CreateTempSubdirectory("quartier-platform-").FullName;
        // The database and broker accounts must enter it: as root, the servers run as postgres and rabbitmq.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        return new IsolatedInfrastructure(directory);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A server still closing its files; the temp directory is cleared eventually.
        }
    }
}
