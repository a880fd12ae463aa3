using Quartier.Reporting.Reports;

namespace Quartier.Reporting.Appointments;

/// <summary>
/// Read model kept by the database itself: per office, month and dimension value (channel, field of
/// action, language, interpreter needed) the appointment figures of that month. A trigger on the
/// appointments table adds each row's change as it is written, so a year of 50 offices is a few
/// thousand tallies to sum instead of every appointment to count.
/// </summary>
public sealed class AppointmentTally : IOfficeRow
{
    public const string Channel = "channel";
    public const string FieldOfAction = "fieldOfAction";
    public const string Language = "language";
    public const string InterpreterNeeded = "interpreterNeeded";

    public Guid OfficeId { get; init; }

    /// <summary>The first day of the month the appointments start in.</summary>
    public DateOnly Month { get; init; }

    public required string Dimension { get; init; }

    public required string Value { get; init; }

    public int Booked { get; init; }

    public int Cancelled { get; init; }

    public int Attended { get; init; }

    public int NoShow { get; init; }
}
