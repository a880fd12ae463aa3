using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Quartier.Testing.Internal;

namespace Quartier.Testing;

/// <summary>
/// A minimal OTLP/HTTP receiver, so end-to-end tests can assert that one trace spans several processes.
/// Point services at it with <c>OTEL_EXPORTER_OTLP_ENDPOINT=</c><see cref="Endpoint"/>,
/// <c>OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf</c> and a short <c>OTEL_BSP_SCHEDULE_DELAY</c>.
/// Traces are kept; metrics and logs are accepted and dropped.
/// </summary>
public sealed class OtlpSink : IAsyncDisposable
{
    private const string ProtobufContentType = "application/x-protobuf";

    private readonly WebApplication app;
    private readonly List<ReceivedSpan> spans = [];
    private readonly Lock gate = new();
    private TaskCompletionSource received = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private OtlpSink(WebApplication app) => this.app = app;

    /// <summary><c>http://127.0.0.1:PORT</c>, without a path: exporters append <c>/v1/traces</c> themselves.</summary>
    public string Endpoint { get; private set; } = string.Empty;

    /// <summary>Every span received so far, as a snapshot.</summary>
    public IReadOnlyList<ReceivedSpan> Spans
    {
        get
        {
            lock (gate)
            {
                return [.. spans];
            }
        }
    }

    public static async Task<OtlpSink> StartAsync(CancellationToken cancellationToken = default)
    {
        // The empty builder reads no configuration and logs nothing, so the test process's environment
        // (ASPNETCORE_URLS, for one) cannot reshape the sink.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        // Port 0 lets Kestrel pick and keep a free port: no window in which another process could take it.
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        var sink = new OtlpSink(app);
        app.MapPost("/v1/traces", sink.ReceiveTracesAsync);
        app.MapPost("/v1/metrics", Acknowledge);
        app.MapPost("/v1/logs", Acknowledge);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        sink.Endpoint = app.Urls.Single().TrimEnd('/');
        return sink;
    }

    /// <summary>
    /// Waits until <paramref name="condition"/> holds for the spans received so far and returns them;
    /// spans arrive in batches, seconds after the work that produced them.
    /// </summary>
    public async Task<IReadOnlyList<ReceivedSpan>> WaitForAsync(Func<IReadOnlyList<ReceivedSpan>, bool> condition, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            IReadOnlyList<ReceivedSpan> snapshot;
            Task next;
            lock (gate)
            {
                snapshot = [.. spans];
                next = received.Task;
            }

            if (condition(snapshot))
            {
                return snapshot;
            }

            try
            {
                await next.WaitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException(
                    $"The condition did not hold within {timeout.TotalSeconds:0.#} s. {snapshot.Count} spans received:\n" +
                    string.Join('\n', snapshot.Take(100).Select(span => $"  {span.ServiceName} {span.Name} trace={span.TraceId} kind={span.Kind}")));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task ReceiveTracesAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        var content = string.Equals(context.Request.Headers.ContentEncoding, "gzip", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(context.Request.Body, CompressionMode.Decompress)
            : context.Request.Body;
        await using (content.ConfigureAwait(false))
        {
            await content.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
        }

        List<ReceivedSpan> batch;
        try
        {
            batch = OtlpTraceDecoder.Decode(body.GetBuffer().AsSpan(0, (int)body.Length));
        }
        catch (Exception exception) when (exception is InvalidDataException or IndexOutOfRangeException or ArgumentOutOfRangeException or OverflowException)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        TaskCompletionSource wakeUp;
        lock (gate)
        {
            spans.AddRange(batch);
            wakeUp = received;
            received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        wakeUp.SetResult();
        Acknowledge(context);
    }

    /// <summary>200 with an empty ExportServiceResponse, which encodes to zero bytes.</summary>
    private static void Acknowledge(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = ProtobufContentType;
    }
}
