using System.Text.Json.Serialization;

namespace Quartier.Engagement.Registrations;

[JsonConverter(typeof(JsonStringEnumConverter<RegistrationStatus>))]
public enum RegistrationStatus
{
    Confirmed,
    Waitlisted,
    Cancelled,
}

/// <summary>
/// A resident's registration for an event, for one or more people. <see cref="Sequence"/> is the
/// arrival order (taken under the event's lock), which is also the order of the waitlist.
/// Name and contact are erased after the retention period; the counts stay.
/// </summary>
public sealed class Registration
{
    public Guid Id { get; init; }

    public Guid EventId { get; init; }

    public long Sequence { get; private set; }

    public int People { get; init; }

    public RegistrationStatus Status { get; private set; }

    public string? Name { get; private set; }

    public string? Email { get; private set; }

    public string? Phone { get; private set; }

    /// <summary>The language messages to the resident are written in (<see cref="Quartier.ServiceDefaults.Mail.MailWording.Languages"/>).</summary>
    public string MessageLanguage { get; init; } = "de";

    public required string ConsentTextVersion { get; init; }

    /// <summary>The language the resident read the consent text in.</summary>
    public string ConsentLanguage { get; init; } = "de";

    public DateTimeOffset ConsentGivenAt { get; init; }

    public string? ManagementTokenHash { get; private set; }

    public DateTimeOffset RegisteredAt { get; init; }

    public DateTimeOffset? ConfirmedAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public int? PeopleAttended { get; private set; }

    public DateTimeOffset? PersonalDataErasedAt { get; private set; }

    public static Registration Create(
        Guid id, Guid eventId, int people, bool confirmed, string name, string? email, string? phone,
        string consentTextVersion, string managementTokenHash, DateTimeOffset now, string messageLanguage = "de", string consentLanguage = "de") => new()
        {
            ConsentLanguage = consentLanguage,
            MessageLanguage = messageLanguage,
            Id = id,
            EventId = eventId,
            People = people,
            Status = confirmed ? RegistrationStatus.Confirmed : RegistrationStatus.Waitlisted,
            ConfirmedAt = confirmed ? now : null,
            Name = name,
            Email = email,
            Phone = phone,
            ConsentTextVersion = consentTextVersion,
            ConsentGivenAt = now,
            ManagementTokenHash = managementTokenHash,
            RegisteredAt = now,
        };

    public void Promote(DateTimeOffset now)
    {
        Status = RegistrationStatus.Confirmed;
        ConfirmedAt = now;
    }

    public void Cancel(DateTimeOffset now)
    {
        Status = RegistrationStatus.Cancelled;
        CancelledAt = now;
    }

    public void RecordAttendance(int people) => PeopleAttended = people;

    /// <summary>The resident's own erasure: name and contact go at once; the registration stays, anonymous, for the counts.</summary>
    public void ErasePersonalData(DateTimeOffset now)
    {
        Name = null;
        Email = null;
        Phone = null;
        PersonalDataErasedAt = now;
    }
}
