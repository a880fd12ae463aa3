using Quartier.Contracts.Bookings;
using Quartier.Contracts.Engagement;
using Quartier.Contracts.Offices;

namespace Quartier.Reporting.EventLog;

/// <summary>
/// Every integration event reporting consumes, with the office it concerns, the entity whose
/// read-model row it changes, and the moment it happened at the source. Adding a contract here logs it; a projection makes it count.
/// </summary>
public static class ReportedEvents
{
    /// <summary>One queue for all of them keeps the log close to the order the services published in.</summary>
    public const string EndpointName = "reporting-event-log";

    public const int EventsInFlight = 32;

    public static IReadOnlyList<ReportedEvent> All { get; } =
    [
        new ReportedEvent<OfficeRegistered>(e => e.OfficeId, e => e.OfficeId, e => e.RegisteredAt),
        new ReportedEvent<OfficeUpdated>(e => e.OfficeId, e => e.OfficeId, e => e.UpdatedAt),
        new ReportedEvent<OfficeClosed>(e => e.OfficeId, e => e.OfficeId, e => e.ClosedAt),

        new ReportedEvent<AppointmentBooked>(e => e.OfficeId, e => e.AppointmentId, e => e.BookedAt),
        new ReportedEvent<AppointmentCancelled>(e => e.OfficeId, e => e.AppointmentId, e => e.CancelledAt),
        new ReportedEvent<AppointmentRescheduled>(e => e.OfficeId, e => e.AppointmentId, e => e.RescheduledAt),
        new ReportedEvent<AppointmentAttended>(e => e.OfficeId, e => e.AppointmentId, e => e.RecordedAt),
        new ReportedEvent<AppointmentNoShow>(e => e.OfficeId, e => e.AppointmentId, e => e.RecordedAt),
        new ReportedEvent<CallbackRequested>(e => e.OfficeId, e => e.CallbackId, e => e.RequestedAt),
        new ReportedEvent<CallbackAttempted>(e => e.OfficeId, e => e.CallbackId, e => e.AttemptedAt),
        new ReportedEvent<CallbackCompleted>(e => e.OfficeId, e => e.CallbackId, e => e.CompletedAt),
        new ReportedEvent<CallbackUnreachable>(e => e.OfficeId, e => e.CallbackId, e => e.ClosedAt),
        new ReportedEvent<CallbackOverdue>(e => e.OfficeId, e => e.CallbackId, e => e.DetectedAt),
        new ReportedEvent<CallbackCancelled>(e => e.OfficeId, e => e.CallbackId, e => e.CancelledAt),
        new ReportedEvent<AnonymousContactCounted>(e => e.OfficeId, e => e.ContactId, e => e.CountedAt),
        new ReportedEvent<AnonymousContactWithdrawn>(e => e.OfficeId, e => e.ContactId, e => e.WithdrawnAt),
        new ReportedEvent<OpeningHoursChanged>(e => e.OfficeId, e => e.OfficeId, e => e.ChangedAt),

        new ReportedEvent<VolunteerSignedUp>(e => e.OfficeId, e => e.VolunteerId, e => e.SignedUpAt),
        new ReportedEvent<VolunteerApproved>(e => e.OfficeId, e => e.VolunteerId, e => e.ApprovedAt),
        new ReportedEvent<VolunteerEnded>(e => e.OfficeId, e => e.VolunteerId, e => e.EndedAt),
        new ReportedEvent<VolunteerPaused>(e => e.OfficeId, e => e.VolunteerId, e => e.PausedAt),
        new ReportedEvent<ShiftFilled>(e => e.OfficeId, e => e.ShiftId, e => e.FilledAt),
        new ReportedEvent<ShiftShort>(e => e.OfficeId, e => e.ShiftId, e => e.DetectedAt),
        new ReportedEvent<TandemFormed>(e => e.OfficeId, e => e.TandemId, e => e.FormedAt),
        new ReportedEvent<TandemEnded>(e => e.OfficeId, e => e.TandemId, e => e.EndedAt),
        new ReportedEvent<VolunteerHoursLogged>(e => e.OfficeId, e => e.EntryId, e => e.LoggedAt),
        new ReportedEvent<EventScheduled>(e => e.OfficeId, e => e.EventId, e => e.ScheduledAt),
        new ReportedEvent<EventChanged>(e => e.OfficeId, e => e.EventId, e => e.ChangedAt),
        new ReportedEvent<EventCancelled>(e => e.OfficeId, e => e.EventId, e => e.CancelledAt),
        new ReportedEvent<RegistrationConfirmed>(e => e.OfficeId, e => e.RegistrationId, e => e.ConfirmedAt),
        new ReportedEvent<RegistrationWaitlisted>(e => e.OfficeId, e => e.RegistrationId, e => e.WaitlistedAt),
        new ReportedEvent<WaitlistPromoted>(e => e.OfficeId, e => e.RegistrationId, e => e.PromotedAt),
        new ReportedEvent<RegistrationCancelled>(e => e.OfficeId, e => e.RegistrationId, e => e.CancelledAt),
        new ReportedEvent<AttendanceRecorded>(e => e.OfficeId, e => e.RegistrationId, e => e.RecordedAt),
    ];

    private static readonly Dictionary<string, ReportedEvent> ByName = All.ToDictionary(e => e.Name, StringComparer.Ordinal);

    public static ReportedEvent Named(string eventType) =>
        ByName.TryGetValue(eventType, out var reported)
            ? reported
            : throw new InvalidOperationException($"The event log holds {eventType}, which reporting no longer knows.");
}
