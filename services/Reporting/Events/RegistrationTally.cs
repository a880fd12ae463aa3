namespace Quartier.Reporting.Events;

/// <summary>
/// Read model kept by the database itself: an event's registrations summed up. A trigger on the
/// registrations table adds each row's change as it is written, so reports over many events join one
/// row per event instead of every registration. Counts as in <see cref="EventFigures"/>; people
/// confirmed are those of registrations confirmed directly or promoted and not cancelled.
/// </summary>
public sealed class RegistrationTally
{
    public Guid EventId { get; init; }

    public int Registrations { get; init; }

    public int Waitlisted { get; init; }

    public int Promoted { get; init; }

    public int Cancelled { get; init; }

    public int PeopleConfirmed { get; init; }

    public int PeopleAttended { get; init; }
}
