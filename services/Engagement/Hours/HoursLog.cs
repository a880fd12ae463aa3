using Quartier.Contracts.Engagement;
using Quartier.Engagement.Common;
using Quartier.Engagement.Data;
using Quartier.ServiceDefaults.Messaging.Outbox;

namespace Quartier.Engagement.Hours;

public static class HoursLog
{
    /// <summary>Adds the entry and its announcement to the unit of work; the caller saves.</summary>
    public static HoursEntry LogHours(
        this EngagementDbContext db, Guid volunteerId, Guid officeId, string fieldOfAction, DateOnly date, decimal hours,
        Guid? shiftId, TimeProvider time, EngagementMetrics metrics)
    {
        var now = time.GetUtcNow();
        var entry = new HoursEntry
        {
            Id = Guid.CreateVersion7(now),
            VolunteerId = volunteerId,
            OfficeId = officeId,
            FieldOfAction = fieldOfAction,
            Date = date,
            Hours = Math.Round(hours, 2),
            ShiftId = shiftId,
            LoggedAt = now,
        };
        db.HoursEntries.Add(entry);
        db.AddIntegrationEvent(new VolunteerHoursLogged(entry.Id, volunteerId, officeId, fieldOfAction, date, entry.Hours, now), time);
        metrics.HoursLogged(entry.Hours);
        return entry;
    }
}
