namespace Quartier.ServiceDefaults.Messaging.Inbox;

/// <summary>A message a consumer has already applied; its key makes redelivery a no-op.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; init; }

    public string Consumer { get; init; } = null!;

    public DateTimeOffset ProcessedAt { get; init; }
}
