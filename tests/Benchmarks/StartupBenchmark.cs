using System.Diagnostics;
using System.Globalization;
using Quartier.Testing;

namespace Quartier.Benchmarks;

/// <summary>
/// Cold start of every process to healthy, and its resident memory at idle after a little traffic —
/// the figures operators size pods by. Build in Release first.
/// </summary>
public sealed class StartupBenchmark : IBenchmark
{
    private static readonly string[] Services = ["Offices", "Bookings", "Engagement", "Reporting"];

    public string Name => "startup";

    public string Description => "time from process start to healthy, and resident memory at idle, per service";

    public async Task RunAsync(string[] args)
    {
        await using var postgres = await PostgresServer.StartAsync();
        await using var rabbitMq = await RabbitMqServer.StartAsync();
        var processes = new List<ServiceProcess>();
        try
        {
            Console.WriteLine("process      start→healthy");
            var gatewayEnvironment = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" };
            foreach (var service in Services)
            {
                var name = service.ToLowerInvariant();
                var dll = ServiceProcess.AssemblyPath($"services/{service}", service);
                var environment = new Dictionary<string, string>
                {
                    ["ASPNETCORE_ENVIRONMENT"] = "Production",
                    [$"ConnectionStrings__{name}db"] = await postgres.CreateDatabaseAsync($"{name}db"),
                    ["ConnectionStrings__messaging"] = rabbitMq.ConnectionString,
                };
                await ServiceProcess.RunToCompletionAsync(dll, "migrate", environment, TimeSpan.FromMinutes(1));
                var (process, elapsed) = await StartTimedAsync(name, dll, environment);
                processes.Add(process);
                gatewayEnvironment[$"services__{name}__http__0"] = process.BaseAddress.ToString();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-12} {elapsed.TotalMilliseconds,10:0} ms"));
            }

            var (gateway, gatewayElapsed) = await StartTimedAsync("gateway", ServiceProcess.AssemblyPath("gateway", "Gateway"), gatewayEnvironment);
            processes.Add(gateway);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"gateway",-12} {gatewayElapsed.TotalMilliseconds,10:0} ms"));

            await ExerciseAsync(gateway.BaseAddress);
            PrintMemory("right after 50 requests through the gateway:", processes);

            // Idle: IdleMemoryTrim gives memory back in the first quiet round after work, 5-10 s on.
            await Task.Delay(TimeSpan.FromSeconds(15));
            PrintMemory("after 15 s idle:", processes);
        }
        finally
        {
            foreach (var process in processes)
            {
                await process.DisposeAsync();
            }
        }
    }

    private static void PrintMemory(string moment, List<ServiceProcess> processes)
    {
        Console.WriteLine();
        Console.WriteLine(moment);
        foreach (var process in processes)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{process.Name,-12} RSS {process.ResidentMemoryBytes / 1048576.0,6:0.0} MiB   PSS {process.ProportionalMemoryBytes / 1048576.0,6:0.0} MiB"));
        }
    }

    private static async Task<(ServiceProcess Process, TimeSpan Elapsed)> StartTimedAsync(string name, string dll, Dictionary<string, string> environment)
    {
        var clock = Stopwatch.StartNew();
        var process = await ServiceProcess.StartAsync(name, dll, environment, CancellationToken.None);
        await process.WaitHealthyAsync(TimeSpan.FromMinutes(1));
        return (process, clock.Elapsed);
    }

    private static async Task ExerciseAsync(Uri gateway)
    {
        using var client = new HttpClient { BaseAddress = gateway };
        for (var request = 0; request < 10; request++)
        {
            foreach (var path in new[] { "/health", "/api/offices", "/api/bookings/offices", "/api/reporting/offices", "/api/engagement/offices/00000000-0000-0000-0000-000000000000" })
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            }
        }
    }
}
