using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Quartier.Testing.Internal;

namespace Quartier.Testing;

/// <summary>
/// The standalone Aspire dashboard (the binary of the Aspire.Dashboard.Sdk package, as Kubernetes runs
/// its image) receiving OTLP on loopback: for benchmarks that measure what exporting telemetry costs.
/// </summary>
public sealed class StandaloneDashboard : IAsyncDisposable
{
    private static readonly string Executable =
        typeof(StandaloneDashboard).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "AspireDashboardPath").Value!;

    private readonly Process process;
    private readonly OutputBuffer output;

    private StandaloneDashboard(Process process, OutputBuffer output, Uri browser, string otlpEndpoint)
    {
        this.process = process;
        this.output = output;
        Browser = browser;
        OtlpEndpoint = otlpEndpoint;
    }

    public Uri Browser { get; }

    /// <summary>OTLP over gRPC, for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public string OtlpEndpoint { get; }

    /// <summary>What a process needs to export its telemetry here, as the AppHost or the manifests set it.</summary>
    public Dictionary<string, string> ExporterEnvironment(string serviceName) => new()
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = OtlpEndpoint,
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc",
        ["OTEL_SERVICE_NAME"] = serviceName,
    };

    public static async Task<StandaloneDashboard> StartAsync()
    {
        var browser = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{FreePort.Next()}"));
        var otlp = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{FreePort.Next()}");
        var startInfo = new ProcessStartInfo(Executable) { UseShellExecute = false };
        startInfo.Environment["ASPNETCORE_URLS"] = browser.ToString();
        startInfo.Environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = otlp;
        startInfo.Environment["ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS"] = "true";
        var output = new OutputBuffer();
        var process = Command.StartCapturing(startInfo, output);
        var dashboard = new StandaloneDashboard(process, output, browser, otlp);
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                using var response = await probe.GetAsync(browser).ConfigureAwait(false);
                return dashboard;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(200).ConfigureAwait(false);
            }
            catch (HttpRequestException exception)
            {
                await dashboard.DisposeAsync().ConfigureAwait(false);
                throw new InvalidOperationException($"The Aspire dashboard did not start:\n{output}", exception);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Command.StopAsync(process, TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        process.Dispose();
    }
}
