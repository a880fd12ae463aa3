using System.Text.Json.Serialization;

namespace Quartier.Contracts.Bookings;

/// <summary>How a resident reached the office without an appointment.</summary>
// Strings on the wire, so consumers need not share the numbering.
[JsonConverter(typeof(JsonStringEnumConverter<ContactKind>))]
public enum ContactKind
{
    WalkIn,
    Phone,
}

/// <summary>Staff counted one walk-in or phone contact; nothing about the resident, only the field of action if given.</summary>
public sealed record AnonymousContactCounted(Guid ContactId, Guid OfficeId, ContactKind Kind, string? FieldOfAction, DateTimeOffset CountedAt);

/// <summary>Staff took back a contact they counted by mistake.</summary>
public sealed record AnonymousContactWithdrawn(Guid ContactId, Guid OfficeId, DateTimeOffset WithdrawnAt);
