using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Quartier.Contracts.Engagement;
using Quartier.Engagement.Hours;
using Quartier.Engagement.Matching;
using Quartier.Engagement.Shifts;
using Quartier.Testing;
using static Quartier.Engagement.Tests.VolunteerApi;

namespace Quartier.Engagement.Tests;

public sealed class ShiftTests(PlatformInfrastructure platform) : IAsyncLifetime
{
    private EngagementHost host = null!;
    private Guid officeId;

    public async ValueTask InitializeAsync()
    {
        host = await EngagementHost.StartAsync(platform);
        officeId = await host.RegisterOfficeAsync();
    }

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_volunteer_cannot_hold_two_overlapping_shifts_but_may_take_the_next_one()
    {
        var volunteer = await host.Client.SignUpApprovedAsync(officeId, SignUpBody());
        var homework = await host.Client.CreateOpportunityAsync(officeId);
        var cafe = await host.Client.CreateOpportunityAsync(officeId, new { title = "Sprachcafé", fieldOfAction = "zusammenleben" });
        var first = await host.Client.CreateShiftAsync(homework.Id, TuesdayInBerlin(2, 15), TuesdayInBerlin(2, 17), 3);
        var overlapping = await host.Client.CreateShiftAsync(cafe.Id, TuesdayInBerlin(2, 16), TuesdayInBerlin(2, 18), 3);
        var adjacent = await host.Client.CreateShiftAsync(cafe.Id, TuesdayInBerlin(2, 17), TuesdayInBerlin(2, 19), 3);

        (await host.Client.SignUpForShiftAsync(first.Id, volunteer)).Should().Be(HttpStatusCode.Created);
        (await host.Client.SignUpForShiftAsync(overlapping.Id, volunteer)).Should().Be(HttpStatusCode.Conflict);
        (await host.Client.SignUpForShiftAsync(first.Id, volunteer)).Should().Be(HttpStatusCode.Conflict);
        (await host.Client.SignUpForShiftAsync(adjacent.Id, volunteer)).Should().Be(HttpStatusCode.Created);
        (await GetShiftAsync(overlapping.Id)).SignedUp.Should().Be(0, "the refused sign-up took no place");
    }

    [Fact]
    public async Task Overlapping_sign_ups_sent_at_the_same_moment_let_exactly_one_through()
    {
        var volunteer = await host.Client.SignUpApprovedAsync(officeId, SignUpBody());
        var opportunity = await host.Client.CreateOpportunityAsync(officeId);
        var shifts = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            host.Client.CreateShiftAsync(opportunity.Id, TuesdayInBerlin(3, 15, i * 10), TuesdayInBerlin(3, 17), 2)));

        var answers = await Task.WhenAll(shifts.Select(shift => host.Client.SignUpForShiftAsync(shift.Id, volunteer)));

        answers.Count(a => a == HttpStatusCode.Created).Should().Be(1);
        answers.Count(a => a == HttpStatusCode.Conflict).Should().Be(3);
    }

    [Fact]
    public async Task A_shift_never_takes_more_volunteers_than_needed_and_announces_when_filled()
    {
        await using var filled = await EventProbe.StartAsync<ShiftFilled>(host.Messaging, Cancellation);
        var opportunity = await host.Client.CreateOpportunityAsync(officeId);
        var shift = await host.Client.CreateShiftAsync(opportunity.Id, TuesdayInBerlin(4, 15), TuesdayInBerlin(4, 17), 2);
        var volunteers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => host.Client.SignUpApprovedAsync(officeId, SignUpBody())));

        var answers = await Task.WhenAll(volunteers.Select(v => host.Client.SignUpForShiftAsync(shift.Id, v)));

        answers.Count(a => a == HttpStatusCode.Created).Should().Be(2);
        answers.Count(a => a == HttpStatusCode.Conflict).Should().Be(4);
        (await GetShiftAsync(shift.Id)).SignedUp.Should().Be(2);
        await filled.WaitForAsync(e => e.ShiftId == shift.Id, TimeSpan.FromSeconds(10));
        await Task.Delay(500, Cancellation);
        filled.Received.Count(e => e.Message.ShiftId == shift.Id).Should().Be(1);
    }

    [Fact]
    public async Task Only_approved_volunteers_take_shifts_and_a_closed_office_gets_no_new_shifts()
    {
        var pending = await host.Client.SignUpAsync(officeId, SignUpBody());
        var closing = await host.RegisterOfficeAsync("Treffpunkt Ost");
        var opportunity = await host.Client.CreateOpportunityAsync(closing);
        var shift = await host.Client.CreateShiftAsync(opportunity.Id, TuesdayInBerlin(2, 9), TuesdayInBerlin(2, 11), 1);

        (await host.Client.SignUpForShiftAsync(shift.Id, pending)).Should().Be(HttpStatusCode.UnprocessableEntity);
        await host.CloseOfficeAsync(closing);
        using var refused = await host.Client.PostShiftAsync(opportunity.Id, TuesdayInBerlin(3, 9), TuesdayInBerlin(3, 11), 1);
        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Staff_see_short_shifts_and_a_shift_still_short_close_to_its_start_is_announced_once()
    {
        await using var probe = await EventProbe.StartAsync<ShiftShort>(host.Messaging, Cancellation);
        var opportunity = await host.Client.CreateOpportunityAsync(officeId, new { weekday = (string?)null, from = (string?)null, to = (string?)null });
        var soon = await host.Client.CreateShiftAsync(opportunity.Id, DateTimeOffset.UtcNow.AddHours(20), DateTimeOffset.UtcNow.AddHours(22), 3);
        var later = await host.Client.CreateShiftAsync(opportunity.Id, DateTimeOffset.UtcNow.AddDays(20), DateTimeOffset.UtcNow.AddDays(20).AddHours(2), 1);
        var volunteer = await host.Client.SignUpApprovedAsync(officeId, SignUpBody(availability: []));
        (await host.Client.SignUpForShiftAsync(soon.Id, volunteer)).Should().Be(HttpStatusCode.Created);

        var shortList = await host.Client.GetFromJsonAsync<List<ShiftResponse>>($"/api/engagement/shifts/short?officeId={officeId}", Cancellation);
        shortList!.Select(s => (s.Id, s.Missing)).Should().Contain([(soon.Id, 2), (later.Id, 1)]);

        var monitor = host.Service.Services.GetRequiredService<ShiftShortageMonitor>();
        await monitor.DetectAsync(Cancellation);
        await monitor.DetectAsync(Cancellation);

        var announced = await probe.WaitForAsync(e => e.ShiftId == soon.Id, TimeSpan.FromSeconds(10));
        announced.Message.SignedUp.Should().Be(1);
        announced.Message.Needed.Should().Be(3);
        await Task.Delay(500, Cancellation);
        probe.Received.Count(e => e.Message.ShiftId == soon.Id).Should().Be(1);
        probe.Received.Should().NotContain(e => e.Message.ShiftId == later.Id, "it is still far off");
    }

    [Fact]
    public async Task Hours_from_attended_shifts_and_from_staff_add_up_per_field_of_action_and_volunteer()
    {
        await using var probe = await EventProbe.StartAsync<VolunteerHoursLogged>(host.Messaging, Cancellation);
        var office = await host.RegisterOfficeAsync("Mittelpunkt Hüttenstraße");
        var anna = await host.Client.SignUpApprovedAsync(office, SignUpBody());
        var ben = await host.Client.SignUpApprovedAsync(office, SignUpBody());
        var opportunity = await host.Client.CreateOpportunityAsync(office);
        var shift = await host.Client.CreateShiftAsync(opportunity.Id, TuesdayInBerlin(1, 15), TuesdayInBerlin(1, 17, 30), 2);
        (await host.Client.SignUpForShiftAsync(shift.Id, anna)).Should().Be(HttpStatusCode.Created);
        (await host.Client.SignUpForShiftAsync(shift.Id, ben)).Should().Be(HttpStatusCode.Created);

        // Attendance is recorded after the shift: an instance whose clock is three weeks on.
        using var later = host.StartWithClockAhead(TimeSpan.FromDays(21)).CreateStaffClient();
        using var attended = await later.PostAsJsonAsync($"/api/engagement/shifts/{shift.Id}/attendance", new { volunteerId = anna, attended = true }, Cancellation);
        using var absent = await later.PostAsJsonAsync($"/api/engagement/shifts/{shift.Id}/attendance", new { volunteerId = ben, attended = false }, Cancellation);
        using var twice = await later.PostAsJsonAsync($"/api/engagement/shifts/{shift.Id}/attendance", new { volunteerId = anna, attended = true }, Cancellation);
        using var tooEarly = await host.Client.PostAsJsonAsync($"/api/engagement/shifts/{shift.Id}/attendance", new { volunteerId = ben, attended = true }, Cancellation);
        await Json.EnsureStatusAsync(attended, HttpStatusCode.OK);
        await Json.EnsureStatusAsync(absent, HttpStatusCode.OK);
        twice.StatusCode.Should().Be(HttpStatusCode.Conflict);
        tooEarly.StatusCode.Should().Be(HttpStatusCode.Conflict, "ben's attendance is already recorded as absent");

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await LogHoursAsync(anna, "bildung", today, 1.5m);
        await LogHoursAsync(ben, "sport-freizeit", today, 3m);
        using var invalid = await host.Client.PostAsJsonAsync($"/api/engagement/volunteers/{ben}/hours", new { fieldOfAction = "sport-freizeit", date = today, hours = 30 }, Cancellation);
        invalid.StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var summary = (await host.Client.GetFromJsonAsync<HoursSummary>($"/api/engagement/hours/summary?officeId={office}", Cancellation))!;
        summary.Total.Should().Be(7m);
        summary.ByFieldOfAction.Should().BeEquivalentTo([new HoursByField("bildung", 4m), new HoursByField("sport-freizeit", 3m)]);
        summary.ByVolunteer.Should().BeEquivalentTo([new HoursByVolunteer(anna, 4m), new HoursByVolunteer(ben, 3m)]);
        var annasShift = await probe.WaitForAsync(e => e.VolunteerId == anna && e.Hours == 2.5m, TimeSpan.FromSeconds(10));
        annasShift.Message.FieldOfAction.Should().Be("bildung");
        annasShift.Message.Date.DayOfWeek.Should().Be(DayOfWeek.Tuesday);
    }

    [Fact]
    public async Task Matching_requires_availability_then_ranks_by_skills_languages_and_fewer_hours()
    {
        var office = await host.RegisterOfficeAsync("Koordinierungsbüro Salzgitter");
        var tuesday = new[] { Slot(DayOfWeek.Tuesday, "15:00", "17:00") };
        var bothSkillsGerman = await host.Client.SignUpApprovedAsync(office, SignUpBody(["de"], ["Hausaufgabenhilfe", "Mathe"], [Slot(DayOfWeek.Tuesday, "14:00", "18:00")]));
        var oneSkillTwoLanguages = await host.Client.SignUpApprovedAsync(office, SignUpBody(["ar", "de"], ["Hausaufgabenhilfe"], tuesday));
        var bestFit = await host.Client.SignUpApprovedAsync(office, SignUpBody(["ar", "de", "tr"], ["Mathe", "Hausaufgabenhilfe", "Gitarre"], tuesday));
        var busierTwin = await host.Client.SignUpApprovedAsync(office, SignUpBody(["de"], ["Hausaufgabenhilfe", "Mathe"], tuesday));
        await host.Client.SignUpApprovedAsync(office, SignUpBody(["ar", "de"], ["Hausaufgabenhilfe", "Mathe"], [Slot(DayOfWeek.Wednesday, "15:00", "17:00")]));
        await host.Client.SignUpApprovedAsync(office, SignUpBody(["ar", "de"], ["Hausaufgabenhilfe", "Mathe"], [Slot(DayOfWeek.Tuesday, "15:00", "16:00")]));
        await host.Client.SignUpAsync(office, SignUpBody(["ar", "de"], ["Hausaufgabenhilfe", "Mathe"], tuesday));
        await LogHoursAsync(busierTwin, "bildung", DateOnly.FromDateTime(DateTime.UtcNow), 4m);
        var opportunity = await host.Client.CreateOpportunityAsync(office);
        var shift = await host.Client.CreateShiftAsync(opportunity.Id, TuesdayInBerlin(2, 15), TuesdayInBerlin(2, 17), 2);

        var forRole = (await host.Client.GetFromJsonAsync<List<VolunteerMatch>>($"/api/engagement/opportunities/{opportunity.Id}/matches", Cancellation))!;
        var forShift = (await host.Client.GetFromJsonAsync<List<VolunteerMatch>>($"/api/engagement/shifts/{shift.Id}/matches", Cancellation))!;

        forRole.Select(m => m.VolunteerId).Should().Equal(bestFit, bothSkillsGerman, busierTwin, oneSkillTwoLanguages);
        forRole[0].MatchingSkills.Should().Equal("hausaufgabenhilfe", "mathe");
        forRole[0].MatchingLanguages.Should().Equal("ar", "de");
        forRole[2].HoursThisMonth.Should().Be(4m);
        forShift.Select(m => m.VolunteerId).Should().Equal(bestFit, bothSkillsGerman, busierTwin, oneSkillTwoLanguages);

        (await host.Client.SignUpForShiftAsync(shift.Id, bestFit)).Should().Be(HttpStatusCode.Created);
        var afterSignUp = (await host.Client.GetFromJsonAsync<List<VolunteerMatch>>($"/api/engagement/shifts/{shift.Id}/matches", Cancellation))!;
        afterSignUp.Select(m => m.VolunteerId).Should().NotContain(bestFit, "who already holds the shift is no suggestion");
    }

    [Fact]
    public async Task Staff_see_a_roles_shifts_with_headcount_who_signed_up_and_whether_they_came_and_the_read_is_recorded()
    {
        await using var accessRecord = await EventProbe.StartAsync<Quartier.Contracts.Staff.PersonalDataRead>(host.Messaging, Cancellation);
        var office = await host.RegisterOfficeAsync("Stadtteilbüro Schichtplan");
        var anna = await host.Client.SignUpApprovedAsync(office, SignUpBody());
        var opportunity = await host.Client.CreateOpportunityAsync(office);
        var later = await host.Client.CreateShiftAsync(opportunity.Id, TuesdayInBerlin(2, 15), TuesdayInBerlin(2, 17), 3);
        var sooner = await host.Client.CreateShiftAsync(opportunity.Id, TuesdayInBerlin(1, 15), TuesdayInBerlin(1, 17), 2);
        (await host.Client.SignUpForShiftAsync(sooner.Id, anna)).Should().Be(HttpStatusCode.Created);
        using var anonymous = host.Service.CreateClient();

        var shifts = (await anonymous.GetFromJsonAsync<List<ShiftResponse>>($"/api/engagement/opportunities/{opportunity.Id}/shifts", Cancellation))!;
        var signUps = (await host.Client.GetFromJsonAsync<List<ShiftSignUpResponse>>($"/api/engagement/shifts/{sooner.Id}/sign-ups", Cancellation))!;
        using var unknownRole = await anonymous.GetAsync(new Uri($"/api/engagement/opportunities/{Guid.NewGuid()}/shifts", UriKind.Relative), Cancellation);
        using var unknownShift = await host.Client.GetAsync(new Uri($"/api/engagement/shifts/{Guid.NewGuid()}/sign-ups", UriKind.Relative), Cancellation);
        using var withoutSignIn = await anonymous.GetAsync(new Uri($"/api/engagement/shifts/{sooner.Id}/sign-ups", UriKind.Relative), Cancellation);

        shifts.Select(shift => (shift.Id, shift.SignedUp, shift.Missing)).Should().Equal((sooner.Id, 1, 1), (later.Id, 0, 3));
        signUps.Should().ContainSingle().Which.Should().BeEquivalentTo(new { VolunteerId = anna, Name = "Hanna Schulz", Attended = (bool?)null });
        unknownRole.StatusCode.Should().Be(HttpStatusCode.NotFound);
        unknownShift.StatusCode.Should().Be(HttpStatusCode.NotFound);
        withoutSignIn.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "names only for staff");
        var read = await accessRecord.WaitForAsync(r => r.Purpose == "shift-sign-ups" && r.OfficeId == office, TimeSpan.FromSeconds(30));
        read.Message.RecordIds.Should().Equal(anna);

        using var attendance = await host.StartWithClockAhead(TimeSpan.FromDays(10)).CreateStaffClient()
            .PostAsJsonAsync($"/api/engagement/shifts/{sooner.Id}/attendance", new { volunteerId = anna, attended = true }, Cancellation);
        await Json.EnsureStatusAsync(attendance, HttpStatusCode.OK);
        (await host.Client.GetFromJsonAsync<List<ShiftSignUpResponse>>($"/api/engagement/shifts/{sooner.Id}/sign-ups", Cancellation))!
            .Single().Attended.Should().BeTrue();
    }

    [Fact]
    public async Task Staff_list_their_offices_running_tandems_and_with_the_ended_on_request_and_the_read_is_recorded()
    {
        await using var accessRecord = await EventProbe.StartAsync<Quartier.Contracts.Staff.PersonalDataRead>(host.Messaging, Cancellation);
        var office = await host.RegisterOfficeAsync("Stadtteilbüro Tandem");
        var volunteer = await host.Client.SignUpApprovedAsync(office, SignUpBody());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var reading = await FormTandemAsync(volunteer, "Samir (4. Klasse)", "Lesepatenschaft", today);
        var ended = await FormTandemAsync(volunteer, "Familie Haddad", "Begleitung zu Ämtern", today.AddDays(-30));
        using (var end = await host.Client.PostAsync(new Uri($"/api/engagement/tandems/{ended}/end", UriKind.Relative), null, Cancellation))
        {
            await Json.EnsureStatusAsync(end, HttpStatusCode.OK);
        }

        var running = (await host.Client.GetFromJsonAsync<List<Quartier.Engagement.Tandems.TandemResponse>>($"/api/engagement/offices/{office}/tandems", Cancellation))!;
        var all = (await host.Client.GetFromJsonAsync<List<Quartier.Engagement.Tandems.TandemResponse>>($"/api/engagement/offices/{office}/tandems?includeEnded=true", Cancellation))!;
        using var otherStaff = host.Service.CreateClient();
        otherStaff.DefaultRequestHeaders.Authorization = new("Bearer", StaffTokens.Staff(StaffClient.Audience, officeId));
        using var notTheirs = await otherStaff.GetAsync(new Uri($"/api/engagement/offices/{office}/tandems", UriKind.Relative), Cancellation);

        running.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Id = reading, PartnerName = "Samir (4. Klasse)", Purpose = "Lesepatenschaft", VolunteerId = volunteer });
        all.Select(tandem => tandem.Id).Should().Equal(reading, ended);
        all[1].EndedAt.Should().NotBeNull();
        notTheirs.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await accessRecord.WaitForAsync(r => r.Purpose == "tandems" && r.OfficeId == office && r.RecordIds.Count == 2, TimeSpan.FromSeconds(30)))
            .Message.RecordIds.Should().BeEquivalentTo([reading, ended]);
    }

    private async Task<Guid> FormTandemAsync(Guid volunteerId, string partnerName, string purpose, DateOnly startsOn)
    {
        using var formed = await host.Client.PostAsJsonAsync("/api/engagement/tandems", new { volunteerId, partnerName, purpose, startsOn }, Cancellation);
        await Json.EnsureStatusAsync(formed, HttpStatusCode.Created);
        return (await formed.Content.ReadFromJsonAsync<Quartier.Engagement.Tandems.TandemResponse>(Cancellation))!.Id;
    }

    private async Task LogHoursAsync(Guid volunteerId, string fieldOfAction, DateOnly date, decimal hours)
    {
        using var response = await host.Client.PostAsJsonAsync($"/api/engagement/volunteers/{volunteerId}/hours", new { fieldOfAction, date, hours }, Cancellation);
        await Json.EnsureStatusAsync(response, HttpStatusCode.Created);
    }

    private async Task<ShiftResponse> GetShiftAsync(Guid shiftId) =>
        (await host.Client.GetFromJsonAsync<ShiftResponse>($"/api/engagement/shifts/{shiftId}", Cancellation))!;
}
