using Quartier.ServiceDefaults.Privacy;
using System.Text.Json.Serialization;
using Quartier.Contracts.Bookings;

namespace Quartier.Bookings.Callbacks;

[JsonConverter(typeof(JsonStringEnumConverter<CallbackStatus>))]
public enum CallbackStatus
{
    Open,
    Completed,
    Unreachable,
    Cancelled,
}

public sealed record CallbackAttempt(int Number, CallbackAttemptOutcome Outcome, DateTimeOffset AttemptedAt);

/// <summary>
/// A resident's request to be called back within a window. It takes one place (seat) of the window;
/// a unique index on (office, window, seat) over requests not cancelled keeps the window's capacity.
/// </summary>
public sealed class CallbackRequest
{
    public const int MaxFailedAttempts = 3;

    public Guid Id { get; init; }

    public Guid OfficeId { get; init; }

    public DateTimeOffset WindowStartsAt { get; init; }

    public DateTimeOffset WindowEndsAt { get; init; }

    public int Seat { get; set; }

    public CallbackStatus Status { get; private set; } = CallbackStatus.Open;

    public required string Language { get; init; }

    public string? FieldOfAction { get; init; }

    /// <summary>The language messages to the resident are written in (<see cref="Quartier.ServiceDefaults.Mail.MailWording.Languages"/>).</summary>
    public string MessageLanguage { get; init; } = "de";

    public DateTimeOffset RequestedAt { get; init; }

    public required string ManagementTokenHash { get; init; }

    public IReadOnlyList<CallbackAttempt> Attempts { get; private set; } = [];

    public DateTimeOffset? OverdueAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public CallbackContact? Contact { get; set; }

    public DateTimeOffset? PersonalDataPurgedAt { get; set; }

    public uint Version { get; private set; }

    public CallbackAttempt RecordAttempt(CallbackAttemptOutcome outcome, DateTimeOffset at)
    {
        var attempt = new CallbackAttempt(Attempts.Count + 1, outcome, at);
        Attempts = [.. Attempts, attempt];
        if (outcome == CallbackAttemptOutcome.Reached)
        {
            Close(CallbackStatus.Completed, at);
        }
        else if (Attempts.Count >= MaxFailedAttempts)
        {
            Close(CallbackStatus.Unreachable, at);
        }

        return attempt;
    }

    public void Cancel(DateTimeOffset at) => Close(CallbackStatus.Cancelled, at);

    public void MarkOverdue(DateTimeOffset at) => OverdueAt = at;

    private void Close(CallbackStatus status, DateTimeOffset at)
    {
        Status = status;
        ClosedAt = at;
    }
}

/// <summary>The resident's personal data, kept only until the retention period after the callback is done.</summary>
public sealed class CallbackContact
{
    public required string Phone { get; set; }

    /// <summary>Only for the confirmation and word of a cancellation; the office calls.</summary>
    public string? Email { get; set; }

    public string? Topic { get; set; }

    public required string ConsentTextVersion { get; set; }

    /// <summary>The language the resident read the consent text in.</summary>
    public string ConsentLanguage { get; set; } = ConsentTexts.DefaultLanguage;

    public DateTimeOffset ConsentGivenAt { get; set; }
}

/// <summary>How an office offers callbacks: windows cut from its opening hours, each with a capacity.</summary>
public sealed class CallbackSettings
{
    public Guid OfficeId { get; init; }

    public int WindowMinutes { get; set; }

    public int CapacityPerWindow { get; set; }

    public int MinimumNoticeMinutes { get; set; }

    public int HorizonDays { get; set; }

    public uint Version { get; private set; }
}
