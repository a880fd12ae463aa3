using Quartier.Reporting.Reports;

namespace Quartier.Reporting.Volunteers;

/// <summary>Read model: one volunteer's life at an office, by local dates (active = approved and not yet ended).</summary>
public sealed class VolunteerRecord : IOfficeRow
{
    public Guid VolunteerId { get; init; }

    public Guid OfficeId { get; set; }

    public DateOnly? SignedUpOn { get; set; }

    public DateOnly? ApprovedOn { get; set; }

    public DateOnly? EndedOn { get; set; }

    public uint Version { get; private set; }
}
