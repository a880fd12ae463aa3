namespace Quartier.ServiceDefaults.Idempotency;

/// <summary>
/// A write made with an <c>Idempotency-Key</c>: while <see cref="StatusCode"/> is null it is in progress;
/// afterwards a repeat of the same request gets the stored answer instead of a second effect.
/// </summary>
public sealed class IdempotentRequest
{
    public required string Key { get; init; }

    /// <summary>Method and path: a key names one request to one endpoint.</summary>
    public required string Target { get; init; }

    /// <summary>SHA-256 of the body, to refuse a key reused for a different request.</summary>
    public required string RequestHash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public int? StatusCode { get; set; }

    public string? ContentType { get; set; }

    public string? Location { get; set; }

    public byte[]? ResponseBody { get; set; }
}
