namespace Quartier.Reporting.Offices;

/// <summary>Read model: the offices reports are made for, derived from the event log.</summary>
public sealed class ReportedOffice
{
    public Guid OfficeId { get; init; }

    public required string Name { get; set; }

    public required string Town { get; set; }

    public required string FederalState { get; set; }

    public DateTimeOffset RegisteredAt { get; init; }
}
