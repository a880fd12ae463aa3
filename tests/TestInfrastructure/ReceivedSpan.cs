namespace Quartier.Testing;

/// <summary>One span as an OTLP exporter sent it to <see cref="OtlpSink"/>.</summary>
/// <param name="ServiceName">The resource's <c>service.name</c>, empty when the exporter sent none.</param>
/// <param name="Scope">The instrumentation scope (ActivitySource) name.</param>
/// <param name="TraceId">Lowercase hex, as in a W3C <c>traceparent</c> header.</param>
/// <param name="SpanId">Lowercase hex.</param>
/// <param name="ParentSpanId">Lowercase hex, null for a root span.</param>
/// <param name="Name">The span (Activity) display name.</param>
/// <param name="Kind">OTLP SpanKind: 1 internal, 2 server, 3 client, 4 producer, 5 consumer.</param>
/// <param name="Attributes">Scalar attribute values as invariant text; arrays comma-separated.</param>
public sealed record ReceivedSpan(
    string ServiceName,
    string Scope,
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    int Kind,
    IReadOnlyDictionary<string, string> Attributes);
