using Quartier.Contracts.Bookings;
using Quartier.Reporting.Reports;

namespace Quartier.Reporting.Callbacks;

/// <summary>Read model: one callback request and what became of it; it counts in the period its window starts in.</summary>
public sealed class CallbackRecord : IOfficeRow
{
    public Guid CallbackId { get; init; }

    public Guid OfficeId { get; set; }

    public bool Requested { get; private set; }

    public DateTimeOffset? WindowStartsAt { get; private set; }

    public DateTimeOffset? WindowEndsAt { get; private set; }

    public DateOnly? Date { get; private set; }

    public string? Language { get; private set; }

    public string? FieldOfAction { get; private set; }

    public DateTimeOffset? FirstAttemptAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset? ReachedAt { get; private set; }

    public bool ReachedWithinWindow { get; private set; }

    public DateTimeOffset? UnreachableAt { get; private set; }

    public DateTimeOffset? OverdueAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public uint Version { get; private set; }

    public void Request(CallbackRequested requested)
    {
        Requested = true;
        (WindowStartsAt, WindowEndsAt, Date) = (requested.WindowStartsAt, requested.WindowEndsAt, BerlinTime.DateOf(requested.WindowStartsAt));
        (Language, FieldOfAction) = (requested.Language, requested.FieldOfAction);
    }

    public void Attempt(CallbackAttempted attempted)
    {
        if (FirstAttemptAt is null || attempted.AttemptedAt < FirstAttemptAt)
        {
            FirstAttemptAt = attempted.AttemptedAt;
        }

        Attempts = Math.Max(Attempts, attempted.AttemptNumber);
    }

    public void Complete(CallbackCompleted completed)
    {
        ReachedAt = completed.CompletedAt;
        ReachedWithinWindow = completed.WithinWindow;
    }

    public void GiveUp(DateTimeOffset closedAt) => UnreachableAt ??= closedAt;

    public void MarkOverdue(DateTimeOffset detectedAt) => OverdueAt ??= detectedAt;

    public void Cancel(DateTimeOffset cancelledAt) => CancelledAt ??= cancelledAt;
}
