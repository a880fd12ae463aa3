namespace Quartier.Contracts.Bookings;

/// <summary>A resident booked a window in which the office calls back. No phone number: that stays in Bookings.</summary>
public sealed record CallbackRequested(
    Guid CallbackId,
    Guid OfficeId,
    DateTimeOffset WindowStartsAt,
    DateTimeOffset WindowEndsAt,
    string Language,
    string? FieldOfAction,
    DateTimeOffset RequestedAt);

public sealed record CallbackAttempted(
    Guid CallbackId,
    Guid OfficeId,
    int AttemptNumber,
    CallbackAttemptOutcome Outcome,
    DateTimeOffset AttemptedAt);

/// <summary>The resident was reached; <paramref name="WithinWindow"/> tells whether inside the booked window.</summary>
public sealed record CallbackCompleted(
    Guid CallbackId,
    Guid OfficeId,
    bool WithinWindow,
    DateTimeOffset CompletedAt);

/// <summary>Closed after three failed attempts.</summary>
public sealed record CallbackUnreachable(
    Guid CallbackId,
    Guid OfficeId,
    int Attempts,
    DateTimeOffset ClosedAt);

/// <summary>The window passed without any attempt.</summary>
public sealed record CallbackOverdue(
    Guid CallbackId,
    Guid OfficeId,
    DateTimeOffset WindowEndsAt,
    DateTimeOffset DetectedAt);

/// <summary>The resident cancelled the callback with their link; the place in the window is free again.</summary>
public sealed record CallbackCancelled(
    Guid CallbackId,
    Guid OfficeId,
    DateTimeOffset CancelledAt);
