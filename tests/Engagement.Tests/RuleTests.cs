using FluentAssertions;
using Quartier.Contracts.Engagement;
using Quartier.Engagement.Matching;
using Quartier.Engagement.Registrations;
using Quartier.Engagement.Volunteers;

namespace Quartier.Engagement.Tests;

/// <summary>The domain rules on their own: who moves up from the waitlist, and who is suggested first.</summary>
public sealed class RuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Freed_seats_go_to_the_waitlist_in_arrival_order_and_a_group_too_large_keeps_its_place()
    {
        var waiting = new[] { Waiting(3), Waiting(1), Waiting(2), Waiting(1) };

        var promoted = Waitlist.ToPromote(2, waiting);

        promoted.Should().Equal(waiting[1], waiting[3]);
        Waitlist.ToPromote(3, waiting).Should().Equal(waiting[0]);
        Waitlist.ToPromote(0, waiting).Should().BeEmpty();
    }

    [Fact]
    public void Ranking_needs_covering_availability_then_prefers_skills_over_languages_over_fewer_hours()
    {
        var requirement = new MatchRequirement(DayOfWeek.Tuesday, new TimeOnly(15, 0), new TimeOnly(17, 0), ["mathe", "deutsch"], ["ar", "de"]);
        var skilled = Volunteer(["de"], ["mathe", "deutsch"], Now);
        var multilingual = Volunteer(["ar", "de"], ["mathe"], Now);
        var skilledButBusy = Volunteer(["de"], ["mathe", "deutsch"], Now.AddMinutes(-5));
        var notFree = Volunteer(["ar", "de"], ["mathe", "deutsch"], Now, new TimeOnly(15, 30));

        var ranked = MatchRanking.Rank([multilingual, skilledButBusy, notFree, skilled], requirement,
            new Dictionary<Guid, decimal> { [skilledButBusy.Id] = 6m });

        ranked.Select(m => m.VolunteerId).Should().Equal(skilled.Id, skilledButBusy.Id, multilingual.Id);
    }

    private static Registration Waiting(int people) =>
        Registration.Create(Guid.NewGuid(), Guid.NewGuid(), people, confirmed: false, "X", "x@example.org", null, "v1", Guid.NewGuid().ToString("N"), Now);

    private static Volunteer Volunteer(string[] languages, string[] skills, DateTimeOffset signedUpAt, TimeOnly? from = null) =>
        Volunteers.Volunteer.SignUp(Guid.NewGuid(), Guid.NewGuid(), new SignUpVolunteerRequest(
            "Name", "a@example.org", null, languages, skills,
            [new AvailabilityRequest(DayOfWeek.Tuesday, from ?? new TimeOnly(15, 0), new TimeOnly(17, 0))],
            AgeGroup.Adult, null, true, "v1"), Guid.NewGuid().ToString("N"), "de", signedUpAt);
}
