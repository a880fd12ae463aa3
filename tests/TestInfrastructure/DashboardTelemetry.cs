using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Quartier.Testing;

/// <summary>
/// Reads what the Aspire dashboard received over OTLP through its telemetry API
/// (<c>/api/telemetry/*</c>, OTLP JSON), as an operator's tooling would.
/// </summary>
public sealed class DashboardTelemetry : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private readonly HttpClient client;

    private DashboardTelemetry(HttpClient client) => this.client = client;

    /// <summary>Exchanges the dashboard's browser token for the key of its telemetry API.</summary>
    public static async Task<DashboardTelemetry> ConnectAsync(Uri dashboard, string browserToken, CancellationToken cancellationToken)
    {
        var client = new HttpClient { BaseAddress = dashboard, Timeout = TimeSpan.FromSeconds(30) };
        using var validated = await client.PostAsJsonAsync("/api/telemetry/validateToken", new { token = browserToken }, cancellationToken).ConfigureAwait(false);
        validated.EnsureSuccessStatusCode();
        var key = (await validated.Content.ReadFromJsonAsync<JsonElement>(cancellationToken).ConfigureAwait(false)).GetProperty("apiKey").GetString();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("x-api-key", key);
        }

        return new DashboardTelemetry(client);
    }

    /// <summary>Waits until <paramref name="condition"/> holds for the spans of one trace and returns them.</summary>
    public Task<IReadOnlyList<ReceivedSpan>> WaitForTraceAsync(string traceId, Func<IReadOnlyList<ReceivedSpan>, bool> condition, TimeSpan timeout) =>
        WaitAsync($"/api/telemetry/traces/{traceId}", condition, timeout);

    /// <summary>Waits until <paramref name="condition"/> holds for the newest spans of <paramref name="resource"/>.</summary>
    public Task<IReadOnlyList<ReceivedSpan>> WaitForSpansAsync(string resource, Func<IReadOnlyList<ReceivedSpan>, bool> condition, TimeSpan timeout) =>
        WaitAsync($"/api/telemetry/spans?resource={Uri.EscapeDataString(resource)}&limit=5000", condition, timeout);

    /// <summary>Every span and structured log the dashboard still holds, as the OTLP JSON it answers: for searching what reached it.</summary>
    public async Task<string> EverythingReceivedAsync(CancellationToken cancellationToken)
    {
        var spans = await client.GetStringAsync(new Uri("/api/telemetry/spans?limit=1000000", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        var logs = await client.GetStringAsync(new Uri("/api/telemetry/logs?limit=1000000", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        return spans + "\n" + logs;
    }

    private async Task<IReadOnlyList<ReceivedSpan>> WaitAsync(string query, Func<IReadOnlyList<ReceivedSpan>, bool> condition, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + timeout;
        IReadOnlyList<ReceivedSpan> spans = [];
        while (DateTime.UtcNow < deadline)
        {
            using var response = await client.GetAsync(new Uri(query, UriKind.Relative)).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                spans = Parse(await response.Content.ReadFromJsonAsync<JsonElement>().ConfigureAwait(false));
                if (condition(spans))
                {
                    return spans;
                }
            }

            await Task.Delay(PollInterval).ConfigureAwait(false);
        }

        throw new TimeoutException(
            $"The condition did not hold within {timeout.TotalSeconds:0.#} s for {query}. {spans.Count} spans:\n" +
            string.Join('\n', spans.Take(100).Select(span => $"  {span.ServiceName} {span.Scope} {span.Name} trace={span.TraceId}")));
    }

    private static List<ReceivedSpan> Parse(JsonElement answer)
    {
        var spans = new List<ReceivedSpan>();
        foreach (var resourceSpans in answer.GetProperty("data").GetProperty("resourceSpans").EnumerateArray())
        {
            var resource = resourceSpans.TryGetProperty("resource", out var found) ? Attributes(found) : new Dictionary<string, string>();
            var serviceName = resource.GetValueOrDefault("service.name", string.Empty);
            foreach (var scopeSpans in resourceSpans.GetProperty("scopeSpans").EnumerateArray())
            {
                var scope = scopeSpans.GetProperty("scope").GetProperty("name").GetString() ?? string.Empty;
                foreach (var span in scopeSpans.GetProperty("spans").EnumerateArray())
                {
                    spans.Add(new ReceivedSpan(
                        serviceName,
                        scope,
                        span.GetProperty("traceId").GetString()!,
                        span.GetProperty("spanId").GetString()!,
                        span.TryGetProperty("parentSpanId", out var parent) && parent.GetString() is { Length: > 0 } parentId ? parentId : null,
                        span.GetProperty("name").GetString()!,
                        span.TryGetProperty("kind", out var kind) ? kind.GetInt32() : 0,
                        Attributes(span)));
                }
            }
        }

        return spans;
    }

    private static Dictionary<string, string> Attributes(JsonElement owner)
    {
        var attributes = new Dictionary<string, string>();
        if (owner.TryGetProperty("attributes", out var list))
        {
            foreach (var attribute in list.EnumerateArray())
            {
                var value = attribute.GetProperty("value");
                attributes[attribute.GetProperty("key").GetString()!] = value.EnumerateObject().FirstOrDefault() is { Value: var inner } && inner.ValueKind != JsonValueKind.Undefined
                    ? inner.ValueKind == JsonValueKind.String ? inner.GetString()! : inner.GetRawText()
                    : string.Empty;
            }
        }

        return attributes;
    }

    public void Dispose() => client.Dispose();
}
