using Quartier.Reporting.Reports;

namespace Quartier.Reporting.Volunteers;

/// <summary>Read model: a tandem, active from the day it starts until it ended (or its planned end).</summary>
public sealed class TandemRecord : IOfficeRow
{
    public Guid TandemId { get; init; }

    public Guid OfficeId { get; set; }

    public DateOnly? StartsOn { get; set; }

    public DateOnly? PlannedEndOn { get; set; }

    public DateOnly? EndedOn { get; set; }

    public uint Version { get; private set; }
}
