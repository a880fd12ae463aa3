namespace Quartier.Contracts.Offices;

/// <summary>An office closed: no new bookings, events or shifts there; future appointments are cancelled.</summary>
public sealed record OfficeClosed(Guid OfficeId, DateTimeOffset ClosedAt);
