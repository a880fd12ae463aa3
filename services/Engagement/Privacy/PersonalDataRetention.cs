using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartier.Engagement.Data;
using Quartier.Engagement.Volunteers;
using Quartier.ServiceDefaults.Hosting;
using Quartier.ServiceDefaults.Privacy;

namespace Quartier.Engagement.Privacy;

public sealed record ErasedCounts(int Registrations, int Volunteers, int Tandems);

/// <summary>
/// Erases name and contact of past registrations, ended volunteers and ended tandems once the
/// retention period is over: the office's own (<see cref="OfficeRetention"/>) or the deployment's.
/// The rows stay (counts, hours, attendance) for the statistics.
/// </summary>
public sealed class PersonalDataRetention(IServiceScopeFactory scopes, TimeProvider time, IOptions<RetentionPeriods> retention) : IScheduledJob
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    public async Task<string?> RunOnceAsync(CancellationToken cancellationToken) =>
        await EraseExpiredAsync(cancellationToken) is var erased && erased != new ErasedCounts(0, 0, 0)
            ? $"erased personal data of {erased.Registrations} registrations, {erased.Volunteers} volunteers and {erased.Tandems} tandems past retention"
            : null;

    public async Task<ErasedCounts> EraseExpiredAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngagementDbContext>();
        var now = time.GetUtcNow();
        var erased = new ErasedCounts(0, 0, 0);

        // Set-based and filtered on "not yet erased": instances running this at the same moment erase each row once.
        foreach (var offices in await db.RetentionScopesAsync(RetentionKind.Registrations, retention.Value, now, cancellationToken))
        {
            var eventsPast = db.Events.Of(offices, e => e.OfficeId)
                .Where(e => e.EndsAt < offices.DoneBefore || e.CancelledAt < offices.DoneBefore)
                .Select(e => e.Id);
            erased = erased with
            {
                Registrations = erased.Registrations + await db.Registrations
                    .Where(r => r.PersonalDataErasedAt == null && eventsPast.Contains(r.EventId))
                    .ExecuteUpdateAsync(set => set
                        .SetProperty(r => r.Name, (string?)null)
                        .SetProperty(r => r.Email, (string?)null)
                        .SetProperty(r => r.Phone, (string?)null)
                        .SetProperty(r => r.ManagementTokenHash, (string?)null)
                        .SetProperty(r => r.PersonalDataErasedAt, now), cancellationToken),
            };
        }

        foreach (var offices in await db.RetentionScopesAsync(RetentionKind.Volunteers, retention.Value, now, cancellationToken))
        {
            var volunteers = await db.Volunteers.Of(offices, v => v.OfficeId)
                .Where(v => v.PersonalDataErasedAt == null && v.Status == VolunteerStatus.Ended && v.EndedAt < offices.DoneBefore)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(v => v.Name, (string?)null)
                    .SetProperty(v => v.Email, (string?)null)
                    .SetProperty(v => v.Phone, (string?)null)
                    .SetProperty(v => v.GuardianName, (string?)null)
                    .SetProperty(v => v.PersonalDataErasedAt, now), cancellationToken);
            var tandems = await db.Tandems.Of(offices, t => t.OfficeId)
                .Where(t => t.PersonalDataErasedAt == null && t.EndedAt < offices.DoneBefore)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(t => t.PartnerName, (string?)null)
                    .SetProperty(t => t.PersonalDataErasedAt, now), cancellationToken);
            erased = erased with { Volunteers = erased.Volunteers + volunteers, Tandems = erased.Tandems + tandems };
        }

        return erased;
    }
}
