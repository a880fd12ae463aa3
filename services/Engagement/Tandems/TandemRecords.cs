using System.ComponentModel.DataAnnotations;

namespace Quartier.Engagement.Tandems;

public static class TandemLimits
{
    public const int PartnerName = 200;
    public const int Purpose = 200;
}

public sealed record FormTandemRequest(
    Guid VolunteerId,
    [property: Required, StringLength(TandemLimits.PartnerName, MinimumLength = 2)] string PartnerName,
    [property: Required, StringLength(TandemLimits.Purpose, MinimumLength = 2)] string Purpose,
    DateOnly StartsOn,
    DateOnly? EndsOn) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (VolunteerId == Guid.Empty)
        {
            yield return new ValidationResult("A volunteer is required.", [nameof(VolunteerId)]);
        }

        if (EndsOn is { } end && end < StartsOn)
        {
            yield return new ValidationResult("A tandem ends on or after its start.", [nameof(EndsOn)]);
        }
    }
}

public sealed record TandemResponse(
    Guid Id, Guid OfficeId, Guid VolunteerId, string? PartnerName, string Purpose, DateOnly StartsOn, DateOnly? EndsOn, DateTimeOffset? EndedAt)
{
    public static TandemResponse From(Tandem t) => new(t.Id, t.OfficeId, t.VolunteerId, t.PartnerName, t.Purpose, t.StartsOn, t.EndsOn, t.EndedAt);
}
