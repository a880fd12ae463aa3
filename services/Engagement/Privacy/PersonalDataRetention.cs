using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartier.Engagement.Data;
using Quartier.Engagement.Registrations;
using Quartier.Engagement.Volunteers;

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
public sealed partial class PersonalDataRetention(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<RetentionOptions> options, ILogger<PersonalDataRetention> logger) : BackgroundService
{
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

        var erased = new ErasedCounts(registrations, volunteers, tandems);
        if (erased != new ErasedCounts(0, 0, 0))
        {
            LogErased(logger, erased.Registrations, erased.Volunteers, erased.Tandems);
        }

        return erased;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckInterval, time);
        do
        {
            try
            {
                await EraseExpiredAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Erased personal data of {Registrations} registrations, {Volunteers} volunteers and {Tandems} tandems past retention")]
    private static partial void LogErased(ILogger logger, int registrations, int volunteers, int tandems);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Erasing personal data past retention failed; trying again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
