namespace Quartier.Contracts.Engagement;

/// <summary>An event (festival, flea market, course, network meeting) was scheduled at an office.</summary>
public sealed record EventScheduled(
    Guid EventId,
    Guid OfficeId,
    string FieldOfAction,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    int Capacity,
    DateTimeOffset ScheduledAt);

/// <summary>An event's plan changed (field of action, time, capacity); its latest values, as of <paramref name="ChangedAt"/>.</summary>
public sealed record EventChanged(
    Guid EventId,
    Guid OfficeId,
    string FieldOfAction,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    int Capacity,
    DateTimeOffset ChangedAt);

public sealed record EventCancelled(Guid EventId, Guid OfficeId, DateTimeOffset CancelledAt);

public sealed record RegistrationConfirmed(Guid RegistrationId, Guid EventId, Guid OfficeId, int People, DateTimeOffset ConfirmedAt);

public sealed record RegistrationWaitlisted(Guid RegistrationId, Guid EventId, Guid OfficeId, int People, int Position, DateTimeOffset WaitlistedAt);

/// <summary>A place became free and the first waitlisted registration moved up; it is now confirmed.</summary>
public sealed record WaitlistPromoted(Guid RegistrationId, Guid EventId, Guid OfficeId, int People, DateTimeOffset PromotedAt);

public sealed record RegistrationCancelled(Guid RegistrationId, Guid EventId, Guid OfficeId, int People, bool WasConfirmed, DateTimeOffset CancelledAt);

public sealed record AttendanceRecorded(Guid RegistrationId, Guid EventId, Guid OfficeId, int PeopleAttended, DateTimeOffset RecordedAt);
