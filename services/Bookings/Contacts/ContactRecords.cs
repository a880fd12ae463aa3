using System.ComponentModel.DataAnnotations;
using Quartier.Contracts;
using Quartier.Contracts.Bookings;

namespace Quartier.Bookings.Contacts;

/// <summary>One tap: a walk-in or a phone contact, optionally in a field of action.</summary>
public sealed record CountContactRequest([property: Required] ContactKind? Kind, string? FieldOfAction) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (FieldOfAction is not null && !FieldsOfAction.IsKnown(FieldOfAction))
        {
            yield return new ValidationResult("Unknown field of action.", [nameof(FieldOfAction)]);
        }
    }
}

public sealed record CountedContact(Guid Id, ContactKind Kind, string? FieldOfAction, DateTimeOffset CountedAt, DateOnly Date);

/// <summary>How many contacts of one kind in one field of action (null: none given).</summary>
public sealed record ContactCount(ContactKind Kind, string? FieldOfAction, int Count);

/// <summary>The office's anonymous contacts on one local date.</summary>
public sealed record ContactDay(DateOnly Date, int WalkIns, int PhoneContacts, IReadOnlyList<ContactCount> Counts);
