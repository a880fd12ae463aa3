using Quartier.Contracts.Bookings;

namespace Quartier.Bookings.Contacts;

/// <summary>One walk-in or phone contact, counted with a tap: when, how and in which field of action; nothing about the resident.</summary>
public sealed class AnonymousContact
{
    public Guid Id { get; init; }

    public Guid OfficeId { get; init; }

    public ContactKind Kind { get; init; }

    public string? FieldOfAction { get; init; }

    public DateTimeOffset CountedAt { get; init; }

    /// <summary>The office's local date the contact counts on.</summary>
    public DateOnly Date { get; init; }
}
