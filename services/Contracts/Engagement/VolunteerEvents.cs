using System.Text.Json.Serialization;

namespace Quartier.Contracts.Engagement;

// Strings on the wire, so consumers need not share the numbering.
[JsonConverter(typeof(JsonStringEnumConverter<AgeGroup>))]
public enum AgeGroup
{
    Minor,
    Adult,
    Senior,
}

/// <summary>Someone signed up to volunteer at an office. Languages are ISO 639 codes; no name or contact.</summary>
public sealed record VolunteerSignedUp(
    Guid VolunteerId,
    Guid OfficeId,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Skills,
    AgeGroup AgeGroup,
    DateTimeOffset SignedUpAt);

public sealed record VolunteerApproved(Guid VolunteerId, Guid OfficeId, DateTimeOffset ApprovedAt);

public sealed record VolunteerEnded(Guid VolunteerId, Guid OfficeId, DateTimeOffset EndedAt);

public sealed record ShiftFilled(
    Guid ShiftId,
    Guid OpportunityId,
    Guid OfficeId,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    int Needed,
    DateTimeOffset FilledAt);

public sealed record ShiftShort(
    Guid ShiftId,
    Guid OpportunityId,
    Guid OfficeId,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    int Needed,
    int SignedUp,
    DateTimeOffset DetectedAt);

public sealed record TandemFormed(
    Guid TandemId,
    Guid OfficeId,
    string Purpose,
    DateOnly StartsOn,
    DateOnly? EndsOn,
    DateTimeOffset FormedAt);

public sealed record TandemEnded(Guid TandemId, Guid OfficeId, DateTimeOffset EndedAt);

/// <summary>Hours a volunteer gave, per office and field of action.</summary>
public sealed record VolunteerHoursLogged(
    Guid EntryId,
    Guid VolunteerId,
    Guid OfficeId,
    string FieldOfAction,
    DateOnly Date,
    decimal Hours,
    DateTimeOffset LoggedAt);

/// <summary>Staff paused a volunteer for a while; approving again resumes them.</summary>
public sealed record VolunteerPaused(Guid VolunteerId, Guid OfficeId, DateTimeOffset PausedAt);
