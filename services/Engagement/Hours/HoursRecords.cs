using System.ComponentModel.DataAnnotations;
using Quartier.Contracts;

namespace Quartier.Engagement.Hours;

public sealed record LogHoursRequest(
    Guid? OfficeId,
    [property: Required] string FieldOfAction,
    DateOnly Date,
    [property: Range(typeof(decimal), "0.25", "24")] decimal Hours) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (FieldOfAction is not null && !FieldsOfAction.IsKnown(FieldOfAction))
        {
            yield return new ValidationResult($"Unknown field of action; use one of {string.Join(", ", FieldsOfAction.Names.Keys)}.", [nameof(FieldOfAction)]);
        }
    }
}

public sealed record HoursEntryResponse(Guid Id, Guid VolunteerId, Guid OfficeId, string FieldOfAction, DateOnly Date, decimal Hours, Guid? ShiftId);

public sealed record HoursByField(string FieldOfAction, decimal Hours);

public sealed record HoursByVolunteer(Guid VolunteerId, decimal Hours);

public sealed record HoursSummary(decimal Total, IReadOnlyList<HoursByField> ByFieldOfAction, IReadOnlyList<HoursByVolunteer> ByVolunteer);
