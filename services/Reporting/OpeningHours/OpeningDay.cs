using Quartier.Reporting.Reports;

namespace Quartier.Reporting.OpeningHours;

/// <summary>Read model: the hours an office offers on one local date, as the latest announcement for that date says.</summary>
public sealed class OpeningDay : IOfficeRow
{
    public Guid OfficeId { get; init; }

    public DateOnly Date { get; init; }

    public int OfferedMinutes { get; private set; }

    /// <summary>Offered minutes times the number of residents served at once.</summary>
    public int CapacityMinutes { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public uint Version { get; private set; }

    public void Announce(int offeredMinutes, int parallelCapacity, DateTimeOffset changedAt)
    {
        if (ChangedAt > changedAt)
        {
            return;
        }

        (OfferedMinutes, CapacityMinutes, ChangedAt) = (offeredMinutes, offeredMinutes * parallelCapacity, changedAt);
    }
}
