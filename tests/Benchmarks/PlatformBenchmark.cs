using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartier.Testing;

namespace Quartier.Benchmarks;

/// <summary>
/// The whole platform as the AppHost starts it (Debian's PostgreSQL and RabbitMQ as executables, the
/// dashboard receiving all telemetry): time to a healthy gateway on a first start (initdb, migrations)
/// and on a second start over the same data, each service's time from process start to healthy, and
/// every process's memory at idle, the platform's own apart from Aspire's tooling and the servers.
/// </summary>
public sealed class PlatformBenchmark : IBenchmark
{
    private static readonly string[] Services = ["offices", "bookings", "engagement", "reporting", "gateway"];

    public string Name => "platform";

    public string Description => "AppHost start to healthy gateway (first and second start), per-service start→healthy, RSS/PSS per process at idle";

    public async Task RunAsync(string[] args)
    {
        using var infrastructure = IsolatedInfrastructure.Create();
        Console.WriteLine("start                      to healthy gateway");
        await using (var first = await StartAsync(infrastructure, "first start (initdb, migrations)"))
        {
            await first.App.StopAsync();
        }

        await using var second = await StartAsync(infrastructure, "second start");
        Console.WriteLine();
        Console.WriteLine("second start, per process  process start → healthy");
        foreach (var service in Services)
        {
            var (started, healthy) = second.Timeline[service];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {service,-24} {(healthy - started).TotalSeconds,6:0.00} s"));
        }

        using var client = second.App.CreateHttpClient("gateway", "http");
        for (var round = 0; round < 10; round++)
        {
            foreach (var path in new[] { "/health", "/api/offices", "/api/bookings/offices", "/api/reporting/offices", "/api/engagement/events" })
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            }
        }

        // Idle: IdleMemoryTrim gives memory back in the first quiet round after work, 5-10 s on.
        await Task.Delay(TimeSpan.FromSeconds(20));
        PrintMemory(infrastructure.DataDirectory);
    }

    private static async Task<RunningPlatform> StartAsync(IsolatedInfrastructure infrastructure, string label)
    {
        var clock = Stopwatch.StartNew();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            new DistributedApplicationTestingBuilderOptions { EnableDashboard = true },
            infrastructure.AppHostArguments);
        // Failures surface as exceptions; the processes' own logs would bury the figures.
        builder.Services.AddLogging(logging => logging.ClearProviders());
        var app = await builder.BuildAsync();
        var timeline = new ConcurrentDictionary<string, (DateTime Started, DateTime Healthy)>();
        using var watching = new CancellationTokenSource();
        var watcher = Task.Run(async () =>
        {
            try
            {
                await foreach (var change in app.ResourceNotifications.WatchAsync(watching.Token))
                {
                    if (change.Snapshot is { HealthStatus: Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, StartTimeStamp: { } started }
                        && Services.Contains(change.Resource.Name))
                    {
                        timeline.TryAdd(change.Resource.Name, (started, DateTime.UtcNow));
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // Watching ends with the start.
            }
        });

        await app.StartAsync();
        await app.ResourceNotifications.WaitForResourceHealthyAsync("gateway");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {label,-32} {clock.Elapsed.TotalSeconds,6:0.0} s"));
        await watching.CancelAsync();
        await watcher;
        return new RunningPlatform(app, timeline);
    }

    /// <summary>Every process of this run by what it is: the platform's own, Aspire's tooling, the servers.</summary>
    private static void PrintMemory(string data)
    {
        var processes = Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(entry => int.TryParse(entry, CultureInfo.InvariantCulture, out _))
            .Select(entry => (Id: entry!, CommandLine: CommandLine(entry!)))
            .Select(process => (process.Id, process.CommandLine, Group: Classify(process.CommandLine, data)))
            .Where(process => process.Group is not null)
            .ToList();

        Console.WriteLine();
        Console.WriteLine("memory after 20 s idle       RSS MiB   PSS MiB");
        foreach (var group in new[] { "platform", "aspire tooling", "servers" })
        {
            double groupPss = 0;
            foreach (var (id, commandLine, _) in processes.Where(process => process.Group == group).OrderBy(process => process.CommandLine, StringComparer.Ordinal))
            {
                var rss = Kilobytes($"/proc/{id}/status", "VmRSS:") / 1024.0;
                var pss = Kilobytes($"/proc/{id}/smaps_rollup", "Pss:") / 1024.0;
                groupPss += pss;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {Label(commandLine),-26} {rss,7:0.0}   {pss,7:0.0}"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"total PSS, " + group,-26} {string.Empty,7}   {groupPss,7:0.0}"));
        }
    }

    private static string? Classify(string commandLine, string data) => commandLine switch
    {
        _ when Services.Any(service => commandLine.Contains($"/net10.0/{char.ToUpperInvariant(service[0]) + service[1..]} ", StringComparison.Ordinal) || commandLine.EndsWith($"/net10.0/{char.ToUpperInvariant(service[0]) + service[1..]}", StringComparison.Ordinal)) => "platform",
        _ when commandLine.Contains("aspire.hosting.orchestration", StringComparison.Ordinal) || commandLine.Contains("Aspire.Dashboard", StringComparison.Ordinal)
            || (commandLine.StartsWith("dotnet run --project", StringComparison.Ordinal) && commandLine.Contains("--no-build", StringComparison.Ordinal)) => "aspire tooling",
        _ when commandLine.Contains(data, StringComparison.Ordinal) || (commandLine.StartsWith("postgres:", StringComparison.Ordinal)) => "servers",
        _ => null,
    };

    private static string Label(string commandLine)
    {
        var first = commandLine.Split(' ')[0];
        return commandLine.StartsWith("dotnet run", StringComparison.Ordinal)
            ? "dotnet run " + Path.GetFileNameWithoutExtension(commandLine.Split(' ')[3])
            : commandLine.StartsWith("postgres:", StringComparison.Ordinal) ? commandLine[..Math.Min(26, commandLine.Length)] : Path.GetFileName(first);
    }

    private static string CommandLine(string id)
    {
        try
        {
            return File.ReadAllText($"/proc/{id}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    private static long Kilobytes(string file, string field)
    {
        try
        {
            var line = File.ReadLines(file).FirstOrDefault(line => line.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private sealed record RunningPlatform(DistributedApplication App, ConcurrentDictionary<string, (DateTime Started, DateTime Healthy)> Timeline) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }
}
