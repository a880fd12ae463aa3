namespace Quartier.Contracts.Bookings;

/// <summary>A resident booked an appointment. <paramref name="Language"/> is an ISO 639 code; <paramref name="FieldOfAction"/> a <see cref="FieldsOfAction"/> code.</summary>
public sealed record AppointmentBooked(
    Guid AppointmentId,
    Guid OfficeId,
    Guid ServiceId,
    AppointmentChannel Channel,
    string FieldOfAction,
    string Language,
    bool InterpreterNeeded,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    DateTimeOffset BookedAt);

public sealed record AppointmentCancelled(
    Guid AppointmentId,
    Guid OfficeId,
    CancelledBy CancelledBy,
    DateTimeOffset CancelledAt);

public sealed record AppointmentRescheduled(
    Guid AppointmentId,
    Guid OfficeId,
    DateTimeOffset PreviousStartsAt,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    DateTimeOffset RescheduledAt);

/// <summary>The resident came; staff may record the outcome: the field of action dealt with and whether they were referred on.</summary>
public sealed record AppointmentAttended(
    Guid AppointmentId,
    Guid OfficeId,
    string? OutcomeFieldOfAction,
    bool? ReferredToOtherOrganisation,
    DateTimeOffset RecordedAt);

public sealed record AppointmentNoShow(
    Guid AppointmentId,
    Guid OfficeId,
    DateTimeOffset RecordedAt);
