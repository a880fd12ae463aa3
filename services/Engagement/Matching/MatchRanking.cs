using Quartier.Engagement.Volunteers;

namespace Quartier.Engagement.Matching;

/// <summary>When the volunteer is needed (local wall-clock time) and what the role asks for.</summary>
public sealed record MatchRequirement(DayOfWeek? Weekday, TimeOnly? From, TimeOnly? To, IReadOnlyCollection<string> Skills, IReadOnlyCollection<string> Languages);

public sealed record VolunteerMatch(Guid VolunteerId, string? Name, IReadOnlyList<string> MatchingSkills, IReadOnlyList<string> MatchingLanguages, decimal HoursThisMonth);

/// <summary>
/// The matching rule, in order:
/// 1. required: an availability slot covers the whole time (when the role has one);
/// 2. more of the role's skills first;
/// 3. then more of the role's languages;
/// 4. then fewer hours already given this month (spread the load);
/// 5. then who signed up earlier.
/// </summary>
public static class MatchRanking
{
    public static IReadOnlyList<VolunteerMatch> Rank(
        IEnumerable<Volunteer> candidates, MatchRequirement requirement, IReadOnlyDictionary<Guid, decimal> hoursThisMonth)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(hoursThisMonth);
        return candidates
            .Where(volunteer => requirement is not { Weekday: { } day, From: { } from, To: { } to } || volunteer.IsAvailable(day, from, to))
            .Select(volunteer => (volunteer, match: new VolunteerMatch(
                volunteer.Id,
                volunteer.Name,
                volunteer.Skills.Intersect(requirement.Skills).Order(StringComparer.Ordinal).ToList(),
                volunteer.Languages.Intersect(requirement.Languages).Order(StringComparer.Ordinal).ToList(),
                hoursThisMonth.GetValueOrDefault(volunteer.Id))))
            .OrderByDescending(candidate => candidate.match.MatchingSkills.Count)
            .ThenByDescending(candidate => candidate.match.MatchingLanguages.Count)
            .ThenBy(candidate => candidate.match.HoursThisMonth)
            .ThenBy(candidate => candidate.volunteer.SignedUpAt)
            .Select(candidate => candidate.match)
            .ToList();
    }
}
