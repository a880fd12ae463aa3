namespace Quartier.Engagement.Opportunities;

/// <summary>An ongoing volunteer role at an office, e.g. homework help on Tuesdays 15–17.</summary>
public sealed class Opportunity
{
    public Guid Id { get; init; }

    public Guid OfficeId { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    public required string FieldOfAction { get; init; }

    public List<string> Skills { get; init; } = [];

    public List<string> Languages { get; init; } = [];

    public DayOfWeek? Weekday { get; init; }

    public TimeOnly? From { get; init; }

    public TimeOnly? To { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
