using System.Diagnostics;

namespace Quartier.Testing.Internal;

/// <summary>
/// The account a server process runs under. PostgreSQL refuses to run as root and RabbitMQ's scripts
/// insist on their own user, so when the tests run as root (CI containers) the servers run under the
/// accounts the Debian packages created; otherwise they simply run as the current user.
/// </summary>
internal sealed class ServiceAccount
{
    private readonly string? userName;

    private ServiceAccount(string? userName) => this.userName = userName;

    public static ServiceAccount For(string systemUser) =>
        new(Environment.IsPrivilegedProcess ? systemUser : null);

    /// <summary>
    /// A command running under this account. setpriv execs (unlike runuser or su, which stay in between
    /// as a parent), so the process we hold is the server itself and our signals reach it directly.
    /// It keeps the environment as given, which is how every setting reaches the servers.
    /// </summary>
    public ProcessStartInfo StartInfo(string executable, string workingDirectory, params IEnumerable<string> arguments)
    {
        var startInfo = new ProcessStartInfo { WorkingDirectory = workingDirectory, UseShellExecute = false };
        if (userName is null)
        {
            startInfo.FileName = executable;
        }
        else
        {
            startInfo.FileName = "setpriv";
            foreach (var option in (string[])[$"--reuid={userName}", $"--regid={userName}", "--init-groups", "--", executable])
            {
                startInfo.ArgumentList.Add(option);
            }
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }

    /// <summary>
    /// A fresh private directory for one server. When another account runs the server it has to reach
    /// the directory, so it must sit below directories everyone may traverse (/tmp always qualifies).
    /// </summary>
    public async Task<string> CreateDirectoryAsync(string prefix)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The test servers run from Unix packages; on Windows point the QUARTIER_TEST_* variables at existing servers.");
        }

        var parent = userName is null || IsTraversableByEveryone(Path.GetTempPath()) ? Path.GetTempPath() : "/tmp";
        var directory = Path.Combine(parent, prefix + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        await GiveAwayAsync(directory).ConfigureAwait(false);
        return directory;
    }

    /// <summary>Hands files we created as root over to the account that runs the server.</summary>
    public async Task GiveAwayAsync(string path)
    {
        if (userName is null)
        {
            return;
        }

        var result = await Command.RunAsync("chown", "-R", $"{userName}:", path).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"chown of {path} to {userName} failed: {result.Output}");
        }
    }

    public static void DeleteDirectory(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A leftover temp directory is not worth failing a test run for.
        }
    }

    private static bool IsTraversableByEveryone(string path)
    {
        for (var directory = new DirectoryInfo(path); directory is not null; directory = directory.Parent)
        {
            if (!directory.Exists || !directory.UnixFileMode.HasFlag(UnixFileMode.OtherExecute))
            {
                return false;
            }
        }

        return true;
    }
}
