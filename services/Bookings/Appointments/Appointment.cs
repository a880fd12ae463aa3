using Quartier.ServiceDefaults.Privacy;
using System.Text.Json.Serialization;
using Quartier.Contracts.Bookings;

namespace Quartier.Bookings.Appointments;

[JsonConverter(typeof(JsonStringEnumConverter<AppointmentStatus>))]
public enum AppointmentStatus
{
    Booked,
    Cancelled,
    Attended,
    NoShow,
}

/// <summary>
/// A booked appointment. It holds one counsellor seat (1..capacity) from its start until its end
/// plus the service's buffer; the database refuses a second appointment on the same seat at an
/// overlapping time, so capacity holds however many instances of the service race.
/// </summary>
public sealed class Appointment
{
    public Guid Id { get; init; }

    public Guid OfficeId { get; init; }

    public Guid ServiceId { get; init; }

    public AppointmentChannel Channel { get; init; }

    public int Seat { get; set; }

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }

    public DateTimeOffset BlockedUntil { get; set; }

    public AppointmentStatus Status { get; private set; } = AppointmentStatus.Booked;

    public required string FieldOfAction { get; init; }

    public required string Language { get; init; }

    public bool InterpreterNeeded { get; init; }

    /// <summary>The language messages to the resident are written in (<see cref="Quartier.ServiceDefaults.Mail.MailWording.Languages"/>).</summary>
    public string MessageLanguage { get; init; } = "de";

    public DateTimeOffset BookedAt { get; init; }

    public required string ManagementTokenHash { get; init; }

    public CancelledBy? CancelledBy { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public string? OutcomeFieldOfAction { get; private set; }

    public bool? ReferredToOtherOrganisation { get; private set; }

    public DateTimeOffset? RecordedAt { get; private set; }

    public ResidentContact? Resident { get; set; }

    public DateTimeOffset? PersonalDataPurgedAt { get; set; }

    public uint Version { get; private set; }

    /// <summary>When the resident arrived at the office; null until checked in.</summary>
    public DateTimeOffset? CheckedInAt { get; private set; }

    /// <summary>When the appointment is done and the retention period for personal data starts.</summary>
    public DateTimeOffset DoneAt => CancelledAt ?? EndsAt;

    public void Cancel(CancelledBy by, DateTimeOffset at)
    {
        Status = AppointmentStatus.Cancelled;
        CancelledBy = by;
        CancelledAt = at;
    }

    public void MarkAttended(string? outcomeFieldOfAction, bool? referred, DateTimeOffset at)
    {
        Status = AppointmentStatus.Attended;
        OutcomeFieldOfAction = outcomeFieldOfAction;
        ReferredToOtherOrganisation = referred;
        RecordedAt = at;
    }

    /// <summary>The resident has arrived and waits; attendance and outcome follow after the conversation.</summary>
    public void CheckIn(DateTimeOffset at) => CheckedInAt = at;

    public void MarkNoShow(DateTimeOffset at)
    {
        Status = AppointmentStatus.NoShow;
        RecordedAt = at;
    }
}

/// <summary>The resident's personal data, kept only until the retention period after the appointment ends.</summary>
public sealed class ResidentContact
{
    public required string Name { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Topic { get; set; }

    public required string ConsentTextVersion { get; set; }

    /// <summary>The language the resident read the consent text in.</summary>
    public string ConsentLanguage { get; set; } = ConsentTexts.DefaultLanguage;

    public DateTimeOffset ConsentGivenAt { get; set; }
}
