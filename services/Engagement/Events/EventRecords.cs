using System.ComponentModel.DataAnnotations;
using Quartier.Contracts;
using Quartier.Engagement.Common;

namespace Quartier.Engagement.Events;

public sealed record EventTextRequest(
    [property: Required] string Language,
    [property: Required, StringLength(EventLimits.Title, MinimumLength = 2)] string Title,
    [property: StringLength(EventLimits.Description)] string? Description);

public sealed record ScheduleEventRequest(
    [property: Required] string FieldOfAction,
    [property: Required, MinLength(1)] IReadOnlyList<EventTextRequest> Texts,
    [property: Required, StringLength(EventLimits.Place, MinimumLength = 2)] string Place,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    DateTimeOffset? RegistrationDeadline,
    [property: Range(1, EventLimits.MaxCapacity)] int Capacity) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (FieldOfAction is not null && !FieldsOfAction.IsKnown(FieldOfAction))
        {
            yield return new ValidationResult($"Unknown field of action; use one of {string.Join(", ", FieldsOfAction.Names.Keys)}.", [nameof(FieldOfAction)]);
        }

        if (EndsAt <= StartsAt)
        {
            yield return new ValidationResult("The event must end after it starts.", [nameof(EndsAt)]);
        }

        if (RegistrationDeadline is { } deadline && deadline > StartsAt)
        {
            yield return new ValidationResult("Registration must close no later than the start.", [nameof(RegistrationDeadline)]);
        }

        if (Texts is null)
        {
            yield break;
        }

        if (Texts.Any(text => !LanguageCodes.IsKnown(text?.Language)))
        {
            yield return new ValidationResult("Each text needs an ISO 639-1 language code such as de, en, ar, uk.", [nameof(Texts)]);
        }
        else if (Texts.Select(text => text.Language).Distinct().Count() != Texts.Count)
        {
            yield return new ValidationResult("One text per language.", [nameof(Texts)]);
        }
    }
}

public sealed record EventTextResponse(string Language, string Title, string? Description);

public sealed record EventResponse(
    Guid Id,
    Guid OfficeId,
    string FieldOfAction,
    IReadOnlyList<EventTextResponse> Texts,
    string Place,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    DateTimeOffset RegistrationDeadline,
    int Capacity,
    int FreeSeats,
    EventStatus Status,
    [property: System.ComponentModel.Description("The plan's version, also the ETag: send it as If-Match when changing the event.")] int Version)
{
    public static EventResponse From(CommunityEvent e) => new(
        e.Id, e.OfficeId, e.FieldOfAction,
        e.Texts.Select(text => new EventTextResponse(text.Language, text.Title, text.Description)).ToList(),
        e.Place, e.StartsAt, e.EndsAt, e.RegistrationDeadline, e.Capacity, e.FreeSeats, e.Status, e.PlanVersion);
}
