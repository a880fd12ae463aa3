using System.Diagnostics;

namespace Quartier.Testing.Internal;

internal sealed record CommandResult(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>Runs short-lived external commands (initdb, pg_ctl, rabbitmqctl, chown, kill) and captures their output.</summary>
internal static class Command
{
    public static async Task<CommandResult> RunAsync(ProcessStartInfo startInfo, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var output = new OutputBuffer();
        using var process = StartCapturing(startInfo, output);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await KillAsync(process).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"'{Describe(startInfo)}' did not finish within {timeout.TotalSeconds:0} s. Output:\n{output}");
        }

        return new CommandResult(process.ExitCode, output.ToString());
    }

    public static Task<CommandResult> RunAsync(string fileName, params string[] arguments) =>
        RunAsync(new ProcessStartInfo(fileName, arguments), TimeSpan.FromSeconds(30));

    /// <summary>Starts a process whose stdout and stderr both land in <paramref name="output"/>.</summary>
    public static Process StartCapturing(ProcessStartInfo startInfo, OutputBuffer output)
    {
        startInfo.UseShellExecute = false;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => output.Append(e.Data);
        process.ErrorDataReceived += (_, e) => output.Append(e.Data);
        try
        {
            process.Start();
        }
        catch
        {
            process.Dispose();
            throw;
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>
    /// Asks a process to shut down cleanly (SIGTERM; .NET can only send SIGKILL itself) and kills its
    /// whole tree when it has not exited after <paramref name="grace"/>. Never throws: it runs on cleanup paths.
    /// </summary>
    public static async Task StopAsync(Process process, TimeSpan grace)
    {
        try
        {
            if (process.HasExited)
            {
                return;
            }

            await RunAsync("kill", "-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ConfigureAwait(false);
            using var deadline = new CancellationTokenSource(grace);
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or InvalidOperationException or System.ComponentModel.Win32Exception or TimeoutException)
        {
            await KillAsync(process).ConfigureAwait(false);
        }
    }

    /// <summary>Kills a process and everything it started, and waits until it is gone. Never throws.</summary>
    public static async Task KillAsync(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception or OperationCanceledException)
        {
            // Already gone, never started, or stuck in the kernel: nothing more a test can do about it.
        }
    }

    public static string Tail(string path, int lineCount = 40)
    {
        try
        {
            return File.Exists(path) ? string.Join('\n', File.ReadLines(path).TakeLast(lineCount)) : $"({path} does not exist)";
        }
        catch (IOException exception)
        {
            return $"({path} is unreadable: {exception.Message})";
        }
    }

    private static string Describe(ProcessStartInfo startInfo) =>
        string.Join(' ', [startInfo.FileName, .. startInfo.ArgumentList]) + (startInfo.Arguments.Length > 0 ? " " + startInfo.Arguments : "");
}
