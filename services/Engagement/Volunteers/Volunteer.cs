using Quartier.ServiceDefaults.Contact;
using System.Text.Json.Serialization;
using Quartier.Contracts.Engagement;

namespace Quartier.Engagement.Volunteers;

[JsonConverter(typeof(JsonStringEnumConverter<VolunteerStatus>))]
public enum VolunteerStatus
{
    Pending,
    Approved,
    Paused,
    Ended,
}

/// <summary>
/// Someone who signed up to volunteer at an office. Name, contact and the guardian's name are
/// personal data, erased after the retention period once the volunteer has ended; languages,
/// skills and hours stay for the statistics.
/// </summary>
public sealed class Volunteer
{
    public Guid Id { get; init; }

    public Guid OfficeId { get; init; }

    public string? Name { get; private set; }

    public string? Email { get; private set; }

    public string? Phone { get; private set; }

    public List<string> Languages { get; init; } = [];

    public List<string> Skills { get; init; } = [];

    public List<WeeklyAvailability> Availability { get; init; } = [];

    public AgeGroup AgeGroup { get; init; }

    public string? GuardianName { get; private set; }

    public string? GuardianConsentTextVersion { get; init; }

    public DateTimeOffset? GuardianConsentGivenAt { get; init; }

    public required string ConsentTextVersion { get; init; }

    /// <summary>The language the volunteer (and the guardian) read the consent text in.</summary>
    public string ConsentLanguage { get; init; } = "de";

    public DateTimeOffset ConsentGivenAt { get; init; }

    public VolunteerStatus Status { get; set; } = VolunteerStatus.Pending;

    public DateTimeOffset SignedUpAt { get; init; }

    public DateTimeOffset? ApprovedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public DateTimeOffset? PersonalDataErasedAt { get; private set; }

    /// <summary>SHA-256 of the volunteer's own link; null for sign-ups made before there were links.</summary>
    public string? ManagementTokenHash { get; private set; }

    /// <summary>The language the volunteer is written to in.</summary>
    public string MessageLanguage { get; private set; } = "de";

    /// <summary>PostgreSQL's xmin: two staff members changing the status at once cannot both win.</summary>
    public uint Version { get; private set; }

    public static Volunteer SignUp(Guid id, Guid officeId, SignUpVolunteerRequest request, string managementTokenHash, string messageLanguage, DateTimeOffset now) => new()
    {
        ManagementTokenHash = managementTokenHash,
        MessageLanguage = messageLanguage,
        Id = id,
        OfficeId = officeId,
        Name = request.Name.Trim(),
        Email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim(),
        Phone = PhoneNumberRules.ToE164(request.Phone),
        Languages = request.Languages.Distinct().ToList(),
        Skills = VolunteerSkills.Normalise(request.Skills),
        Availability = request.Availability.Select(slot => new WeeklyAvailability { Weekday = slot.Weekday, From = slot.From, To = slot.To }).ToList(),
        AgeGroup = request.AgeGroup,
        GuardianName = request.Guardian?.Name.Trim(),
        GuardianConsentTextVersion = request.Guardian?.ConsentTextVersion,
        GuardianConsentGivenAt = request.Guardian is null ? null : now,
        ConsentTextVersion = request.ConsentTextVersion,
        ConsentLanguage = request.ConsentLanguage ?? "de",
        ConsentGivenAt = now,
        SignedUpAt = now,
    };

    /// <summary>
    /// The volunteer withdrew consent or asked for erasure: name, contact and the guardian's name go and
    /// the volunteering ends; languages, skills, availability and hours stay, anonymous. True when it
    /// ended only now, so that the end is announced.
    /// </summary>
    public bool ErasePersonalData(DateTimeOffset now)
    {
        (Name, Email, Phone, GuardianName, PersonalDataErasedAt) = (null, null, null, null, now);
        if (Status == VolunteerStatus.Ended)
        {
            return false;
        }

        (Status, EndedAt) = (VolunteerStatus.Ended, now);
        return true;
    }

    /// <summary>Whether one weekly slot covers the local wall-clock period from start to end (same day).</summary>
    public bool IsAvailable(DayOfWeek weekday, TimeOnly from, TimeOnly to) =>
        Availability.Any(slot => slot.Weekday == weekday && slot.From <= from && slot.To >= to);
}

/// <summary>A weekly time range in the office's local time, e.g. Tuesday 15:00–17:00.</summary>
public sealed class WeeklyAvailability
{
    public DayOfWeek Weekday { get; init; }

    public TimeOnly From { get; init; }

    public TimeOnly To { get; init; }
}

public static class VolunteerSkills
{
    public const int MaxCount = 20;
    public const int MaxLength = 50;

    /// <summary>Skills are free words compared without case ("Homework help" = "homework help").</summary>
    public static List<string> Normalise(IEnumerable<string> skills) =>
        skills.Select(skill => skill.Trim().ToLowerInvariant()).Where(skill => skill.Length > 0).Distinct().ToList();
}
