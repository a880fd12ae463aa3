using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Quartier.EndToEnd.Tests.Fuzzing;

/// <summary>
/// Sends malformed requests for every operation through the gateway, interleaved with valid requests
/// that must still succeed. What counts as a finding: any 5xx, a 4xx that is not problem details (unless
/// Kestrel refused the request while parsing it), a request whose connection the server broke, and a
/// valid request that failed.
/// </summary>
internal sealed class ApiFuzzer(Uri gateway, Func<Task<string>> accessToken, MalformedRequests requests, Random random) : IDisposable
{
    /// <summary>Every how many malformed requests one valid request checks that the platform still serves others.</summary>
    public const int ValidEvery = 10;

    private readonly HttpClient client = Client(gateway, Encoding.UTF8);

    /// <summary>Sends header values byte for byte as Latin-1, which is how a client puts bytes that are not UTF-8 on the wire.</summary>
    private readonly HttpClient latin1Client = Client(gateway, Encoding.Latin1);

    private readonly ConcurrentDictionary<string, int> statuses = new();
    private readonly ConcurrentDictionary<string, (int Count, string Example)> findings = new();
    private int validChecks;

    public IReadOnlyDictionary<string, (int Count, string Example)> Findings => findings;

    public async Task RunAsync(IReadOnlyList<ApiOperation> operations, int count, Func<int, Task<string?>> validCheck, CancellationToken cancellationToken)
    {
        var plan = Enumerable.Range(0, count).Select(_ => requests.Next(operations[random.Next(operations.Count)])).ToList();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (index, token) =>
        {
            await SendAsync(plan[index], token);
            plan[index] = null!;
            if (index % ValidEvery == 0)
            {
                var check = Interlocked.Increment(ref validChecks);
                if (await validCheck(check) is { } failure)
                {
                    Record("valid request failed", failure);
                }
            }
        });
    }

    private async Task SendAsync(FuzzRequest fuzz, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(fuzz.Method, new Uri(fuzz.Target, UriKind.Relative));
        if (fuzz.Body is { } body)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = null;
            if (fuzz.ContentType is { } contentType)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }

            // A body over the limit is refused before it is sent, as a careful client would let it be.
            request.Headers.ExpectContinue = body.Length > 1_000_000;
        }

        foreach (var (name, value) in fuzz.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (request.Headers.Authorization is null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await accessToken());
        }

        HttpResponseMessage response;
        try
        {
            response = await (fuzz.Latin1Headers ? latin1Client : client).SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException exception) when (exception.HttpRequestError is HttpRequestError.InvalidResponse or HttpRequestError.ResponseEnded
                                                         or HttpRequestError.Unknown && exception.InnerException is IOException)
        {
            Count(fuzz, "connection closed");
            if (!fuzz.RefusedByKestrel && fuzz.Case != "huge body")
            {
                Record($"connection closed: {fuzz.Case}", $"{fuzz} → {exception.Message}");
            }

            return;
        }
        catch (Exception exception) when (exception is HttpRequestException or FormatException or InvalidOperationException)
        {
            // The client itself refused to send it (a header value it will not encode): nothing reached the platform.
            Count(fuzz, "not sendable");
            return;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            Count(fuzz, status.ToString(CultureInfo.InvariantCulture));
            if (status >= 500)
            {
                Record($"{status}: {fuzz.Case}", $"{fuzz} → {await ExcerptAsync(response, cancellationToken)}");
            }
            else if (status >= 400 && !fuzz.RefusedByKestrel && !await IsProblemDetailsAsync(response, cancellationToken))
            {
                Record($"{status} without problem details: {fuzz.Case}", $"{fuzz} → {response.Content.Headers.ContentType} {await ExcerptAsync(response, cancellationToken)}");
            }
        }
    }

    private static async Task<bool> IsProblemDetailsAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return false;
        }

        try
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return problem.RootElement.TryGetProperty("status", out var status) && status.GetInt32() == (int)response.StatusCode;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static async Task<string> ExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return text.Length > 400 ? text[..400] + "…" : text;
    }

    private void Count(FuzzRequest fuzz, string outcome) => statuses.AddOrUpdate($"{fuzz.Case,-28} {outcome}", 1, (_, count) => count + 1);

    private void Record(string kind, string example) => findings.AddOrUpdate(kind, (1, example), (_, found) => (found.Count + 1, found.Example));

    /// <summary>Per case, how often each status came back; then every finding with one example.</summary>
    public string Report(int sent)
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"{sent} malformed requests, {validChecks} valid requests interleaved; {findings.Values.Sum(found => found.Count)} findings");
        foreach (var (outcome, count) in statuses.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"  {outcome,-40} {count,6}");
        }

        foreach (var (kind, (count, example)) in findings.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"FINDING ×{count}: {kind}\n    e.g. {example}");
        }

        return report.ToString();
    }

    private static HttpClient Client(Uri gateway, Encoding headerEncoding) => new(new SocketsHttpHandler
    {
        RequestHeaderEncodingSelector = (_, _) => headerEncoding,
        AllowAutoRedirect = false,
        Expect100ContinueTimeout = TimeSpan.FromSeconds(5),
    })
    {
        BaseAddress = gateway,
        Timeout = TimeSpan.FromSeconds(60),
    };

    public void Dispose()
    {
        client.Dispose();
        latin1Client.Dispose();
    }
}
