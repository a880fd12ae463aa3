using System.ComponentModel.DataAnnotations;

namespace Quartier.Engagement.Shifts;

public static class ShiftLimits
{
    public const int MaxNeeded = 100;
    public static readonly TimeSpan MaxLength = TimeSpan.FromHours(24);
}

public sealed record CreateShiftRequest(DateTimeOffset StartsAt, DateTimeOffset EndsAt, [property: Range(1, ShiftLimits.MaxNeeded)] int Needed) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (EndsAt <= StartsAt || EndsAt - StartsAt > ShiftLimits.MaxLength)
        {
            yield return new ValidationResult("A shift ends after it starts and lasts at most 24 hours.", [nameof(EndsAt)]);
        }
    }
}

public sealed record ShiftSignUpRequest(Guid VolunteerId);

public sealed record ShiftAttendanceRequest(Guid VolunteerId, bool Attended);

public sealed record ShiftResponse(
    Guid Id,
    Guid OpportunityId,
    Guid OfficeId,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    int Needed,
    int SignedUp,
    int Missing)
{
    public static ShiftResponse From(Shift s) => new(s.Id, s.OpportunityId, s.OfficeId, s.StartsAt, s.EndsAt, s.Needed, s.SignedUp, s.Needed - s.SignedUp);
}

public sealed record ShiftAssignmentResponse(Guid Id, Guid ShiftId, Guid VolunteerId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, bool? Attended);

/// <summary>A volunteer who took a place in a shift; <see cref="Attended"/> once recorded.</summary>
public sealed record ShiftSignUpResponse(Guid VolunteerId, string? Name, DateTimeOffset SignedUpAt, bool? Attended);
