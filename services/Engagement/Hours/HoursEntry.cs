namespace Quartier.Engagement.Hours;

/// <summary>Hours a volunteer gave, from an attended shift or entered by staff. No personal data: it stays for the statistics.</summary>
public sealed class HoursEntry
{
    public Guid Id { get; init; }

    public Guid VolunteerId { get; init; }

    public Guid OfficeId { get; init; }

    public required string FieldOfAction { get; init; }

    public DateOnly Date { get; init; }

    public decimal Hours { get; init; }

    /// <summary>The attended shift the hours come from; null when staff entered them directly.</summary>
    public Guid? ShiftId { get; init; }

    public DateTimeOffset LoggedAt { get; init; }
}
