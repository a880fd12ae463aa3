using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Reflection;
using Quartier.Testing.Internal;

namespace Quartier.Testing;

/// <summary>
/// One of the repository's built web services running as a real child process, the way the
/// end-to-end tests and the local runner use them: separate processes, real ports, real crashes.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private const string SolutionFile = "QuartierPlatform.sln";

    // Directory.Build.props builds every project for this one framework.
    private const string TargetFramework = "net10.0";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan GracefulStopTimeout = TimeSpan.FromSeconds(5);
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(5) };
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    private readonly string dllPath;
    private readonly Dictionary<string, string> environment;
    private readonly OutputBuffer output = new();
    private Process? process;

    private ServiceProcess(string name, string dllPath, Dictionary<string, string> environment, Uri baseAddress)
    {
        Name = name;
        this.dllPath = dllPath;
        this.environment = environment;
        BaseAddress = baseAddress;
    }

    /// <summary>The folder holding QuartierPlatform.sln, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>Debug or Release: whatever the tests were built with, so they run the services built alongside.</summary>
    public static string BuildConfiguration { get; } =
        typeof(ServiceProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "BuildConfiguration").Value!;

    public string Name { get; }

    /// <summary>The service's assembly, e.g. to run one of its verbs beside it.</summary>
    public string DllPath => dllPath;

    /// <summary>The configuration it runs with, as Aspire or the local runner would inject it.</summary>
    public IReadOnlyDictionary<string, string> Environment => environment;

    /// <summary><c>http://127.0.0.1:PORT/</c>; the port stays the same across restarts.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The newest stdout and stderr lines of every run of this service.</summary>
    public string Output => output.ToString();

    /// <summary>VmRSS of the running process, for memory checks under load.</summary>
    public long ResidentMemoryBytes => ReadKilobytes($"/proc/{RunningProcess().Id}/status", "VmRSS:") * 1024;

    /// <summary>Pss of the running process: resident memory with shared pages divided among their users.</summary>
    public long ProportionalMemoryBytes => ReadKilobytes($"/proc/{RunningProcess().Id}/smaps_rollup", "Pss:") * 1024;

    private Process RunningProcess() =>
        process is { HasExited: false } running ? running : throw new InvalidOperationException($"{Name} is not running.");

    private static long ReadKilobytes(string file, string field)
    {
        var line = File.ReadLines(file).First(line => line.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    /// <summary><c>&lt;root&gt;/&lt;projectDir&gt;/bin/&lt;configuration&gt;/net10.0/&lt;assemblyName&gt;.dll</c>, e.g. <c>("services/Offices", "Offices")</c>.</summary>
    public static string AssemblyPath(string projectDir, string assemblyName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectDir);
        ArgumentException.ThrowIfNullOrWhiteSpace(assemblyName);
        var path = Path.Combine(RepositoryRoot, projectDir, "bin", BuildConfiguration, TargetFramework, assemblyName + ".dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException(
                $"{path} does not exist. Build it first: dotnet build {SolutionFile} -c {BuildConfiguration}", path);
    }

    /// <summary>Runs <c>dotnet &lt;dll&gt; &lt;args&gt;</c> to the end (e.g. the <c>migrate</c> verb) and returns its output; fails with it unless it exits with 0.</summary>
    public static async Task<string> RunToCompletionAsync(string dllPath, string args, IDictionary<string, string> environment, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(args);
        var result = await Command.RunAsync(StartInfo(dllPath, args, environment), timeout).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"dotnet {Path.GetFileName(dllPath)} {args} exited with {result.ExitCode}:\n{result.Output}");
        }

        return result.Output;
    }

    /// <summary>
    /// Starts the service on a free loopback port with <paramref name="environment"/> laid over the
    /// inherited one, and returns once <c>/alive</c> answers.
    /// </summary>
    public static async Task<ServiceProcess> StartAsync(string name, string dllPath, IDictionary<string, string> environment, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(environment);
        var baseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{FreePort.Next()}/"));
        var service = new ServiceProcess(
            name,
            dllPath,
            new Dictionary<string, string>(environment) { ["ASPNETCORE_URLS"] = baseAddress.GetLeftPart(UriPartial.Authority) },
            baseAddress);
        try
        {
            await service.LaunchAsync(ct).ConfigureAwait(false);
            return service;
        }
        catch
        {
            await service.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Polls <c>/health</c> (database and broker reachable) until it answers 200.</summary>
    public async Task WaitHealthyAsync(TimeSpan timeout)
    {
        var started = Stopwatch.StartNew();
        var lastAnswer = "no answer";
        while (started.Elapsed < timeout)
        {
            try
            {
                using var response = await Probe.GetAsync(new Uri(BaseAddress, "health")).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                lastAnswer = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync().ConfigureAwait(false)}";
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                lastAnswer = exception.Message;
            }

            await Task.Delay(200).ConfigureAwait(false);
        }

        throw new TimeoutException($"{Name} was not healthy within {timeout.TotalSeconds:0} s (last answer: {lastAnswer}). Output:\n{Output}");
    }

    /// <summary>Kills the process tree without warning, as a crash would.</summary>
    public async Task KillAsync()
    {
        if (process is not null)
        {
            await Command.KillAsync(process).ConfigureAwait(false);
        }
    }

    /// <summary>Starts the service again on the same port with the same environment (stopping it first if it still runs).</summary>
    public async Task RestartAsync()
    {
        await StopAsync().ConfigureAwait(false);
        output.Append($"--- {Name} restarted ---");
        await LaunchAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>SIGTERM (a graceful host shutdown), then a kill after 5 s. Never throws.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        process?.Dispose();
        process = null;
    }

    private async Task StopAsync()
    {
        if (process is not null)
        {
            await Command.StopAsync(process, GracefulStopTimeout).ConfigureAwait(false);
        }
    }

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        process?.Dispose();
        process = Command.StartCapturing(StartInfo(dllPath, string.Empty, environment), output);
        var alive = new Uri(BaseAddress, "alive");
        var started = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                // Let the output readers drain, so the message carries the last words of the process.
                using var drained = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await process.WaitForExitAsync(drained.Token).ConfigureAwait(false);
                throw new InvalidOperationException($"{Name} exited with code {process.ExitCode} before answering /alive. Output:\n{Output}");
            }

            if (started.Elapsed > StartTimeout)
            {
                await Command.KillAsync(process).ConfigureAwait(false);
                throw new TimeoutException($"{Name} did not answer {alive} within {StartTimeout.TotalSeconds:0} s. Output:\n{Output}");
            }

            try
            {
                using var response = await Probe.GetAsync(alive, cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException
                || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // Not listening yet, or too busy starting to answer within the probe's timeout.
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// <c>dotnet &lt;dll&gt;</c> with the dll's folder as working directory, where the host looks for
    /// appsettings.json. The SDK exports the dotnet it runs under as DOTNET_HOST_PATH; prefer that one.
    /// </summary>
    private static ProcessStartInfo StartInfo(string dllPath, string args, IDictionary<string, string> environment)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dllPath);
        ArgumentNullException.ThrowIfNull(environment);
        if (!File.Exists(dllPath))
        {
            throw new FileNotFoundException($"{dllPath} does not exist; build the service first.", dllPath);
        }

        var startInfo = new ProcessStartInfo
        {
            FileName = System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            Arguments = $"\"{dllPath}\" {args}".TrimEnd(),
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(dllPath))!,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        return startInfo;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No {SolutionFile} above {AppContext.BaseDirectory}; run the tests from inside the repository.");
    }
}
