using Microsoft.EntityFrameworkCore;
using Quartier.Contracts.Engagement;
using Quartier.Engagement.Common;
using Quartier.Engagement.Data;
using Quartier.Engagement.Events;
using Quartier.Engagement.Mail;
using Quartier.ServiceDefaults.Messaging.Outbox;

namespace Quartier.Engagement.Registrations;

/// <summary>Which waiting registrations move up when seats become free.</summary>
public static class Waitlist
{
    /// <summary>
    /// Walks the waitlist in arrival order and promotes every registration that fits into the seats
    /// still free; a group too large for them keeps its place and the ones behind it may move up.
    /// So after a promotion no waiting registration fits, and a newcomer who fits takes no seat
    /// from anyone waiting.
    /// </summary>
    public static IReadOnlyList<Registration> ToPromote(int freeSeats, IEnumerable<Registration> waitingInArrivalOrder)
    {
        ArgumentNullException.ThrowIfNull(waitingInArrivalOrder);
        var promoted = new List<Registration>();
        foreach (var waiting in waitingInArrivalOrder)
        {
            if (waiting.People <= freeSeats)
            {
                promoted.Add(waiting);
                freeSeats -= waiting.People;
            }
        }

        return promoted;
    }

    /// <summary>Moves up whoever fits into the event's free seats and tells them; the caller holds the event's lock.</summary>
    public static async Task PromoteWaitingAsync(
        this EngagementDbContext db, CommunityEvent target, EngagementMail mail, EngagementMetrics metrics, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        // Only who could fit, and at most one per free seat: the rest would be skipped anyway.
        var free = target.FreeSeats;
        var waiting = await db.Registrations
            .Where(r => r.EventId == target.Id && r.Status == RegistrationStatus.Waitlisted && r.People <= free)
            .OrderBy(r => r.Sequence)
            .Take(free)
            .ToListAsync(cancellationToken);
        var promoted = ToPromote(free, waiting);
        var now = time.GetUtcNow();
        foreach (var moving in promoted)
        {
            moving.Promote(now);
            target.ConfirmedPeople += moving.People;
            db.AddIntegrationEvent(new WaitlistPromoted(moving.Id, target.Id, target.OfficeId, moving.People, now), time);
            await mail.PromotedAsync(moving, target, cancellationToken);
        }

        metrics.Promoted(promoted.Count);
    }
}
