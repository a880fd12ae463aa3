namespace Quartier.Engagement.Tandems;

/// <summary>
/// Two people paired for a purpose (a senior and a pupil, a volunteer and a learner): a volunteer
/// of the office and a partner who need not be one. The partner's name is personal data, erased
/// after the retention period once the tandem has ended.
/// </summary>
public sealed class Tandem
{
    public Guid Id { get; init; }

    public Guid OfficeId { get; init; }

    public Guid VolunteerId { get; init; }

    public string? PartnerName { get; private set; }

    public required string Purpose { get; init; }

    public DateOnly StartsOn { get; init; }

    public DateOnly? EndsOn { get; set; }

    public DateTimeOffset FormedAt { get; init; }

    public DateTimeOffset? EndedAt { get; set; }

    public DateTimeOffset? PersonalDataErasedAt { get; private set; }

    public static Tandem Form(Guid id, Guid officeId, Guid volunteerId, string partnerName, string purpose, DateOnly startsOn, DateOnly? endsOn, DateTimeOffset now) => new()
    {
        Id = id,
        OfficeId = officeId,
        VolunteerId = volunteerId,
        PartnerName = partnerName,
        Purpose = purpose,
        StartsOn = startsOn,
        EndsOn = endsOn,
        FormedAt = now,
    };

    /// <summary>Ends the tandem today (the office's date); ended before its first day, it never ran and has no last day.</summary>
    public void End(DateTimeOffset now, DateOnly today)
    {
        EndedAt = now;
        if (today < StartsOn)
        {
            EndsOn = null;
        }
        else if (EndsOn is null || EndsOn > today)
        {
            EndsOn = today;
        }
    }
}
