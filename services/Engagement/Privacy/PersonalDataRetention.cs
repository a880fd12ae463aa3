using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartier.Engagement.Data;
using Quartier.Engagement.Registrations;
using Quartier.Engagement.Volunteers;
using Quartier.ServiceDefaults.Hosting;

namespace Quartier.Engagement.Privacy;

public sealed class RetentionOptions
{
    /// <summary>How long after an event ended its registrations keep name and contact.</summary>
    public TimeSpan Registrations { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How long after a volunteer ended (or a tandem ended) names and contact are kept.</summary>
    public TimeSpan Volunteers { get; set; } = TimeSpan.FromDays(365);

    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromHours(6);
}

public sealed record ErasedCounts(int Registrations, int Volunteers, int Tandems);

/// <summary>
/// Erases name and contact of past registrations, ended volunteers and ended tandems once the
/// retention period is over. The rows stay (counts, hours, attendance) for the statistics.
/// </summary>
public sealed class PersonalDataRetention(IServiceScopeFactory scopes, TimeProvider time, IOptions<RetentionOptions> options) : IScheduledJob
{
    public async Task<string?> RunOnceAsync(CancellationToken cancellationToken) =>
        await EraseExpiredAsync(cancellationToken) is var erased && erased != new ErasedCounts(0, 0, 0)
            ? $"erased personal data of {erased.Registrations} registrations, {erased.Volunteers} volunteers and {erased.Tandems} tandems past retention"
            : null;

    public async Task<ErasedCounts> EraseExpiredAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngagementDbContext>();
        var now = time.GetUtcNow();
        var eventsEndedBefore = now - options.Value.Registrations;
        var endedBefore = now - options.Value.Volunteers;

        // Set-based and filtered on "not yet erased": instances running this at the same moment erase each row once.
        var registrations = await db.Registrations
            .Where(r => r.PersonalDataErasedAt == null && db.Events.Any(e => e.Id == r.EventId && (e.EndsAt < eventsEndedBefore || e.CancelledAt < eventsEndedBefore)))
            .ExecuteUpdateAsync(set => set
                .SetProperty(r => r.Name, (string?)null)
                .SetProperty(r => r.Email, (string?)null)
                .SetProperty(r => r.Phone, (string?)null)
                .SetProperty(r => r.ManagementTokenHash, (string?)null)
                .SetProperty(r => r.PersonalDataErasedAt, now), cancellationToken);

        var volunteers = await db.Volunteers
            .Where(v => v.PersonalDataErasedAt == null && v.Status == VolunteerStatus.Ended && v.EndedAt < endedBefore)
            .ExecuteUpdateAsync(set => set
                .SetProperty(v => v.Name, (string?)null)
                .SetProperty(v => v.Email, (string?)null)
                .SetProperty(v => v.Phone, (string?)null)
                .SetProperty(v => v.GuardianName, (string?)null)
                .SetProperty(v => v.PersonalDataErasedAt, now), cancellationToken);

        var tandems = await db.Tandems
            .Where(t => t.PersonalDataErasedAt == null && t.EndedAt < endedBefore)
            .ExecuteUpdateAsync(set => set
                .SetProperty(t => t.PartnerName, (string?)null)
                .SetProperty(t => t.PersonalDataErasedAt, now), cancellationToken);

        return new ErasedCounts(registrations, volunteers, tandems);
    }
}
