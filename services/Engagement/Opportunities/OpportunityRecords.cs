using System.ComponentModel.DataAnnotations;
using Quartier.Contracts;
using Quartier.Engagement.Common;
using Quartier.Engagement.Volunteers;

namespace Quartier.Engagement.Opportunities;

public static class OpportunityLimits
{
    public const int Title = 200;
    public const int Description = 4000;
}

public sealed record CreateOpportunityRequest(
    [property: Required, StringLength(OpportunityLimits.Title, MinimumLength = 2)] string Title,
    [property: StringLength(OpportunityLimits.Description)] string? Description,
    [property: Required] string FieldOfAction,
    IReadOnlyList<string>? Skills,
    IReadOnlyList<string>? Languages,
    DayOfWeek? Weekday,
    TimeOnly? From,
    TimeOnly? To) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (FieldOfAction is not null && !FieldsOfAction.IsKnown(FieldOfAction))
        {
            yield return new ValidationResult($"Unknown field of action; use one of {string.Join(", ", FieldsOfAction.Names.Keys)}.", [nameof(FieldOfAction)]);
        }

        if (Languages is not null && Languages.Any(language => !LanguageCodes.IsKnown(language)))
        {
            yield return new ValidationResult("Use ISO 639-1 language codes such as de, en, ar, uk.", [nameof(Languages)]);
        }

        if (Skills is not null && (Skills.Count > VolunteerSkills.MaxCount || Skills.Any(skill => string.IsNullOrWhiteSpace(skill) || skill.Length > VolunteerSkills.MaxLength)))
        {
            yield return new ValidationResult($"Up to {VolunteerSkills.MaxCount} skills of 1 to {VolunteerSkills.MaxLength} characters.", [nameof(Skills)]);
        }

        if (Weekday is { } weekday && !Enum.IsDefined(weekday))
        {
            yield return new ValidationResult("Unknown weekday.", [nameof(Weekday)]);
        }

        if ((Weekday is null) != (From is null) || (From is null) != (To is null))
        {
            yield return new ValidationResult("A regular time needs weekday, from and to together.", [nameof(Weekday)]);
        }
        else if (From is { } from && To is { } to && to <= from)
        {
            yield return new ValidationResult("The regular time must end after it starts.", [nameof(To)]);
        }
    }
}

public sealed record OpportunityResponse(
    Guid Id,
    Guid OfficeId,
    string Title,
    string? Description,
    string FieldOfAction,
    IReadOnlyList<string> Skills,
    IReadOnlyList<string> Languages,
    DayOfWeek? Weekday,
    TimeOnly? From,
    TimeOnly? To)
{
    public static OpportunityResponse Of(Opportunity o) =>
        new(o.Id, o.OfficeId, o.Title, o.Description, o.FieldOfAction, o.Skills, o.Languages, o.Weekday, o.From, o.To);
}
