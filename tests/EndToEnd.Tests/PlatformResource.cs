using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Quartier.EndToEnd.Tests;

/// <summary>
/// One resource of the running AppHost, stopped and started the way an operator does it from the
/// dashboard (the resource commands), or killed as a crash would.
/// </summary>
public sealed class PlatformResource(DistributedApplication app, string name, string? connectionString = null, Uri? baseAddress = null)
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);

    public string Name => name;

    public bool HasAddress => baseAddress is not null;

    /// <summary>Where the process listens; stays the same across restarts.</summary>
    public Uri BaseAddress => baseAddress ?? throw new InvalidOperationException($"{name} has no HTTP endpoint.");

    public string ConnectionString => connectionString ?? throw new InvalidOperationException($"{name} has no connection string.");

    /// <summary>The orchestrator's state of the resource (Running, Exited, ...), with its health.</summary>
    public string State => app.ResourceNotifications.TryGetCurrentState(name, out var current)
        ? $"{current.Snapshot.State?.Text} ({current.Snapshot.HealthStatus?.ToString() ?? "no health"})"
        : "unknown";

    /// <summary>Stops the resource as the dashboard's stop command does (a server shuts down cleanly) and waits until it has.</summary>
    public async Task StopAsync()
    {
        await ExecuteAsync(KnownResourceCommands.StopCommand);
        await WaitForStateAsync(state => state is "Exited" or "Finished", "stopped");
    }

    /// <summary>Starts the resource again and waits until it is healthy.</summary>
    public async Task StartAgainAsync()
    {
        await ExecuteAsync(KnownResourceCommands.StartCommand);
        await WaitHealthyAsync(CommandTimeout);
    }

    /// <summary>Starts the resource again after a crash, without waiting for it.</summary>
    public Task RestartAsync() => ExecuteAsync(KnownResourceCommands.StartCommand);

    /// <summary>
    /// SIGKILL to every process of the resource, as the kernel's OOM killer or a crash ends them: no
    /// shutdown at all. The orchestrator starts a project through `dotnet run`, whose child is the
    /// service, and a server through its script, whose children are the server's processes.
    /// </summary>
    public async Task KillAsync()
    {
        var launcher = app.ResourceNotifications.TryGetCurrentState(name, out var current)
            ? current.Snapshot.Properties.FirstOrDefault(property => property.Name == "executable.pid")?.Value
            : null;
        var launcherId = Convert.ToInt32(launcher, CultureInfo.InvariantCulture);
        foreach (var child in Descendants(launcherId).Append(launcherId).ToList())
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(child);
                process.Kill();
            }
            catch (ArgumentException)
            {
                // Gone already.
            }
        }

        await WaitForStateAsync(state => state is "Exited" or "Finished" or "FailedToStart", "ended");
    }

    public async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var waiting = new CancellationTokenSource(timeout);
        await app.ResourceNotifications.WaitForResourceHealthyAsync(name, waiting.Token);
    }

    private async Task ExecuteAsync(string command)
    {
        var result = await app.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(name, command);
        if (!result.Success)
        {
            throw new InvalidOperationException($"{command} {name} failed: {result.Message}");
        }
    }

    private async Task WaitForStateAsync(Func<string?, bool> reached, string what)
    {
        using var waiting = new CancellationTokenSource(CommandTimeout);
        try
        {
            await app.ResourceNotifications.WaitForResourceAsync(name, resourceEvent => reached(resourceEvent.Snapshot.State?.Text), waiting.Token);
        }
        catch (OperationCanceledException) when (waiting.IsCancellationRequested)
        {
            throw new TimeoutException($"{name} has not {what} within {CommandTimeout.TotalSeconds} s; it is {State}.");
        }
    }

    private static List<int> Descendants(int ancestor)
    {
        var parents = Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(entry => int.TryParse(entry, CultureInfo.InvariantCulture, out _))
            .Select(entry => (Id: int.Parse(entry!, CultureInfo.InvariantCulture), Parent: ParentOf(entry!)))
            .ToList();
        var found = new List<int>();
        var next = new Queue<int>([ancestor]);
        while (next.TryDequeue(out var parent))
        {
            foreach (var (id, _) in parents.Where(process => process.Parent == parent))
            {
                found.Add(id);
                next.Enqueue(id);
            }
        }

        return found;
    }

    private static int ParentOf(string processId)
    {
        try
        {
            // /proc/<id>/stat: "<id> (<name>) <state> <parent> ..."; the name may contain spaces.
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return -1;
        }
    }
}
