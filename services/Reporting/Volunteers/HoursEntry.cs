using Quartier.Reporting.Reports;

namespace Quartier.Reporting.Volunteers;

/// <summary>Read model: hours a volunteer gave on a date in a field of action.</summary>
public sealed class HoursEntry : IOfficeRow
{
    public Guid EntryId { get; init; }

    public Guid VolunteerId { get; set; }

    public Guid OfficeId { get; set; }

    public string FieldOfAction { get; set; } = "";

    public DateOnly Date { get; set; }

    public decimal Hours { get; set; }
}
