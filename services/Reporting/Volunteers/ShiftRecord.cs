using Quartier.Reporting.Reports;

namespace Quartier.Reporting.Volunteers;

/// <summary>Read model: a volunteer shift that was filled or ran short; the latest news about it wins.</summary>
public sealed class ShiftRecord : IOfficeRow
{
    public Guid ShiftId { get; init; }

    public Guid OfficeId { get; set; }

    public DateOnly Date { get; private set; }

    public bool Filled { get; private set; }

    public DateTimeOffset StatusAt { get; private set; }

    public uint Version { get; private set; }

    public void Report(DateOnly date, bool filled, DateTimeOffset statusAt)
    {
        if (StatusAt > statusAt)
        {
            return;
        }

        (Date, Filled, StatusAt) = (date, filled, statusAt);
    }
}
