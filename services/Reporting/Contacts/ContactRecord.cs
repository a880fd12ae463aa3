using Quartier.Contracts.Bookings;
using Quartier.Reporting.Reports;

namespace Quartier.Reporting.Contacts;

/// <summary>Read model: one anonymous walk-in or phone contact; a withdrawn one no longer counts (it may arrive before the count it takes back).</summary>
public sealed class ContactRecord : IOfficeRow
{
    public Guid ContactId { get; init; }

    public Guid OfficeId { get; init; }

    public ContactKind? Kind { get; private set; }

    public string? FieldOfAction { get; private set; }

    public DateOnly? Date { get; private set; }

    public bool Withdrawn { get; private set; }

    public void Count(AnonymousContactCounted counted)
    {
        ArgumentNullException.ThrowIfNull(counted);
        (Kind, FieldOfAction, Date) = (counted.Kind, counted.FieldOfAction, BerlinTime.DateOf(counted.CountedAt));
    }

    public void Withdraw() => Withdrawn = true;
}
