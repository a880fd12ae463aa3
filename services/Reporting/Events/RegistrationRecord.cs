using Quartier.Reporting.Reports;

namespace Quartier.Reporting.Events;

/// <summary>
/// Read model: one registration for an event as facts that only ever become true, so the order of
/// its events does not matter: confirmed now = confirmed directly or promoted, and not cancelled.
/// </summary>
public sealed class RegistrationRecord : IOfficeRow
{
    public Guid RegistrationId { get; init; }

    public Guid EventId { get; set; }

    public Guid OfficeId { get; set; }

    public int People { get; set; }

    public bool ConfirmedDirectly { get; set; }

    public bool Waitlisted { get; set; }

    public bool Promoted { get; set; }

    public bool Cancelled { get; set; }

    public int? PeopleAttended { get; private set; }

    public DateTimeOffset? AttendanceRecordedAt { get; private set; }

    public uint Version { get; private set; }

    public void RecordAttendance(int peopleAttended, DateTimeOffset recordedAt)
    {
        if (AttendanceRecordedAt > recordedAt)
        {
            return;
        }

        (PeopleAttended, AttendanceRecordedAt) = (peopleAttended, recordedAt);
    }
}
