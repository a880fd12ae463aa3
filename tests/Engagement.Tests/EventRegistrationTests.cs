using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using Quartier.Contracts.Engagement;
using Quartier.Engagement.Events;
using Quartier.Engagement.Registrations;
using Quartier.Testing;

namespace Quartier.Engagement.Tests;

public sealed class EventRegistrationTests(PlatformInfrastructure platform) : IAsyncLifetime
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
    public async Task Scheduling_an_event_publishes_EventScheduled_and_lists_it_publicly_by_its_filters()
    {
        await using var probe = await EventProbe.StartAsync<EventScheduled>(host.Messaging, Cancellation);
        var festival = await host.ScheduleEventAsync(officeId, 50);
        var course = await host.ScheduleEventAsync(officeId, 12, new
        {
            fieldOfAction = "bildung",
            texts = new[] { new { language = "uk", title = "Німецька для початківців" } },
        });

        (await probe.WaitForAsync(e => e.EventId == festival.Id, TimeSpan.FromSeconds(10))).Message.Capacity.Should().Be(50);
        (await ListAsync($"officeId={officeId}")).Select(e => e.Id).Should().Contain([festival.Id, course.Id]);
        (await ListAsync($"officeId={officeId}&language=uk")).Select(e => e.Id).Should().Equal(course.Id);
        (await ListAsync($"officeId={officeId}&fieldOfAction=stadtteilkultur")).Select(e => e.Id).Should().Equal(festival.Id);
        (await ListAsync($"officeId={officeId}&to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("O"))}")).Should().BeEmpty();
        (await ListAsync($"officeId={Guid.NewGuid()}")).Should().BeEmpty();
    }

    [Theory]
    [InlineData("fieldOfAction", "\"gartenbau\"")]
    [InlineData("capacity", "0")]
    [InlineData("texts", "[]")]
    [InlineData("texts", "[{\"language\":\"deutsch\",\"title\":\"Fest\"}]")]
    [InlineData("endsAt", "\"2020-01-01T00:00:00Z\"")]
    public async Task An_invalid_event_is_a_400_naming_the_field(string field, string json)
    {
        var body = Json.Merge(new
        {
            fieldOfAction = "stadtteilkultur",
            texts = new[] { new { language = "de", title = "Flohmarkt" } },
            place = "Hof",
            startsAt = DateTimeOffset.UtcNow.AddDays(3),
            endsAt = DateTimeOffset.UtcNow.AddDays(3).AddHours(2),
            capacity = 10,
        }, null);
        body[field] = System.Text.Json.Nodes.JsonNode.Parse(json);

        using var response = await host.Client.PostAsJsonAsync($"/api/engagement/offices/{officeId}/events", body, Cancellation);

        await Json.EnsureStatusAsync(response, HttpStatusCode.BadRequest);
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblem>(Cancellation))!;
        problem.Errors.Keys.Should().Contain(field);
    }

    [Fact]
    public async Task A_closed_office_takes_no_new_events_and_an_office_the_staff_member_does_not_work_in_none_either()
    {
        var closing = await host.RegisterOfficeAsync("Treffpunkt Nord");
        await host.CloseOfficeAsync(closing);

        // Staff who do not work in an office learn nothing of it, not even whether it exists.
        foreach (var (office, refusal) in new[] { (closing, HttpStatusCode.UnprocessableEntity), (Guid.NewGuid(), HttpStatusCode.Forbidden) })
        {
            using var response = await host.Client.PostAsJsonAsync($"/api/engagement/offices/{office}/events", new
            {
                fieldOfAction = "stadtteilkultur",
                texts = new[] { new { language = "de", title = "Flohmarkt" } },
                place = "Hof",
                startsAt = DateTimeOffset.UtcNow.AddDays(3),
                endsAt = DateTimeOffset.UtcNow.AddDays(3).AddHours(2),
                capacity = 10,
            }, Cancellation);
            await Json.EnsureStatusAsync(response, refusal);
        }
    }

    [Fact]
    public async Task A_registration_is_managed_with_its_secret_link_and_cancelling_announces_it()
    {
        await using var confirmedProbe = await EventProbe.StartAsync<RegistrationConfirmed>(host.Messaging, Cancellation);
        await using var cancelledProbe = await EventProbe.StartAsync<RegistrationCancelled>(host.Messaging, Cancellation);
        var scheduled = await host.ScheduleEventAsync(officeId, 10);

        using var registered = await RegisterAsync(scheduled.Id, new { name = "Amina K.", phone = "+49 3605 123456", people = 3, consent = true, consentTextVersion = "2026-12-events" });
        await Json.EnsureStatusAsync(registered, HttpStatusCode.Created);
        var registration = (await registered.Content.ReadFromJsonAsync<Registered>(Cancellation))!;
        registration.Status.Should().Be(RegistrationStatus.Confirmed);
        registered.Headers.Location!.ToString().Should().Be(registration.ManagementUrl);
        (await confirmedProbe.WaitForAsync(e => e.RegistrationId == registration.Id, TimeSpan.FromSeconds(10))).Message.People.Should().Be(3);
        (await host.Client.GetFromJsonAsync<EventResponse>($"/api/engagement/events/{scheduled.Id}", Cancellation))!.FreeSeats.Should().Be(7);

        var seen = await host.Client.GetFromJsonAsync<RegistrationResponse>(registration.ManagementUrl, Cancellation);
        seen!.Status.Should().Be(RegistrationStatus.Confirmed);

        using var cancelled = await host.Client.PostAsync(new Uri($"{registration.ManagementUrl}/cancel", UriKind.Relative), null, Cancellation);
        await Json.EnsureStatusAsync(cancelled, HttpStatusCode.OK);
        var announced = await cancelledProbe.WaitForAsync(e => e.RegistrationId == registration.Id, TimeSpan.FromSeconds(10));
        announced.Message.WasConfirmed.Should().BeTrue();
        (await host.Client.GetFromJsonAsync<EventResponse>($"/api/engagement/events/{scheduled.Id}", Cancellation))!.FreeSeats.Should().Be(10);

        using var again = await host.Client.PostAsync(new Uri($"{registration.ManagementUrl}/cancel", UriKind.Relative), null, Cancellation);
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        using var forged = await host.Client.PostAsync(new Uri($"{RegistrationEndpoints.ManagePath}/not-a-real-token/cancel", UriKind.Relative), null, Cancellation);
        forged.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_group_larger_than_the_free_seats_waits_and_moves_up_when_enough_seats_free_up()
    {
        await using var waitlistedProbe = await EventProbe.StartAsync<RegistrationWaitlisted>(host.Messaging, Cancellation);
        var scheduled = await host.ScheduleEventAsync(officeId, 4);
        var family = await RegisterOkAsync(scheduled.Id, 3);
        var couple = await RegisterOkAsync(scheduled.Id, 2);
        var single = await RegisterOkAsync(scheduled.Id, 1);

        family.Status.Should().Be(RegistrationStatus.Confirmed);
        couple.Status.Should().Be(RegistrationStatus.Waitlisted);
        couple.WaitlistPosition.Should().Be(1);
        single.Status.Should().Be(RegistrationStatus.Confirmed, "one seat is still free and nobody waiting fits into it");
        (await waitlistedProbe.WaitForAsync(e => e.RegistrationId == couple.Id, TimeSpan.FromSeconds(10))).Message.Position.Should().Be(1);

        using var singleLeaves = await host.Client.PostAsync(new Uri($"{single.ManagementUrl}/cancel", UriKind.Relative), null, Cancellation);
        (await host.Client.GetFromJsonAsync<RegistrationResponse>(couple.ManagementUrl, Cancellation))!.Status
            .Should().Be(RegistrationStatus.Waitlisted, "one free seat is not enough for two");

        using var familyLeaves = await host.Client.PostAsync(new Uri($"{family.ManagementUrl}/cancel", UriKind.Relative), null, Cancellation);
        (await host.Client.GetFromJsonAsync<RegistrationResponse>(couple.ManagementUrl, Cancellation))!.Status.Should().Be(RegistrationStatus.Confirmed);
        (await host.Client.GetFromJsonAsync<EventResponse>($"/api/engagement/events/{scheduled.Id}", Cancellation))!.FreeSeats.Should().Be(2);
    }

    [Theory]
    [InlineData("consent", "false")]
    [InlineData("people", "0")]
    [InlineData("email", "\"not-an-address\"")]
    [InlineData("name", "\"\"")]
    public async Task An_invalid_registration_is_a_400_naming_the_field(string field, string json)
    {
        var scheduled = await host.ScheduleEventAsync(officeId, 5);
        var body = Json.Merge(new { name = "Olena", email = "olena@example.org", people = 1, consent = true, consentTextVersion = "2026-12-events" }, null);
        body[field] = System.Text.Json.Nodes.JsonNode.Parse(json);

        using var response = await RegisterAsync(scheduled.Id, body);

        await Json.EnsureStatusAsync(response, HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<ValidationProblem>(Cancellation))!.Errors.Keys.Should().Contain(field);
    }

    [Fact]
    public async Task A_registration_after_the_deadline_is_refused_with_422()
    {
        var startsAt = DateTimeOffset.UtcNow.AddDays(2);
        var scheduled = await host.ScheduleEventAsync(officeId, 5, new { startsAt, endsAt = startsAt.AddHours(1), registrationDeadline = DateTimeOffset.UtcNow.AddMilliseconds(300) });
        await Task.Delay(500, Cancellation);

        using var response = await RegisterAsync(scheduled.Id, new { name = "Olena", email = "olena@example.org", people = 1, consent = true, consentTextVersion = "2026-12-events" });

        await Json.EnsureStatusAsync(response, HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadFromJsonAsync<Problem>(Cancellation))!.Title.Should().Contain("closed");
    }

    [Fact]
    public async Task A_double_submitted_registration_with_one_idempotency_key_takes_one_seat()
    {
        var scheduled = await host.ScheduleEventAsync(officeId, 5);
        var key = Guid.NewGuid().ToString();
        var body = new { name = "Yusuf", email = "yusuf@example.org", people = 2, consent = true, consentTextVersion = "2026-12-events" };

        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/engagement/events/{scheduled.Id}/registrations") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await host.Client.SendAsync(request, Cancellation);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync(Cancellation));
        }));

        answers.Should().OnlyContain(a => a.StatusCode == HttpStatusCode.Created);
        answers.Select(a => a.Body).Distinct().Should().ContainSingle();
        (await host.Client.GetFromJsonAsync<EventResponse>($"/api/engagement/events/{scheduled.Id}", Cancellation))!.FreeSeats.Should().Be(3);

        using var reused = new HttpRequestMessage(HttpMethod.Post, $"/api/engagement/events/{scheduled.Id}/registrations") { Content = JsonContent.Create(body with { people = 1 }) };
        reused.Headers.Add("Idempotency-Key", key);
        using var refused = await host.Client.SendAsync(reused, Cancellation);
        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Cancelling_an_event_cancels_its_registrations_and_announces_both()
    {
        await using var eventProbe = await EventProbe.StartAsync<EventCancelled>(host.Messaging, Cancellation);
        await using var registrationProbe = await EventProbe.StartAsync<RegistrationCancelled>(host.Messaging, Cancellation);
        var scheduled = await host.ScheduleEventAsync(officeId, 1);
        var confirmed = await RegisterOkAsync(scheduled.Id, 1);
        var waiting = await RegisterOkAsync(scheduled.Id, 1);

        using var response = await host.Client.PostAsync(new Uri($"/api/engagement/events/{scheduled.Id}/cancel", UriKind.Relative), null, Cancellation);

        await Json.EnsureStatusAsync(response, HttpStatusCode.OK);
        await eventProbe.WaitForAsync(e => e.EventId == scheduled.Id, TimeSpan.FromSeconds(10));
        (await registrationProbe.WaitForAsync(e => e.RegistrationId == confirmed.Id, TimeSpan.FromSeconds(10))).Message.WasConfirmed.Should().BeTrue();
        (await registrationProbe.WaitForAsync(e => e.RegistrationId == waiting.Id, TimeSpan.FromSeconds(10))).Message.WasConfirmed.Should().BeFalse();
        (await ListAsync($"officeId={officeId}")).Select(e => e.Id).Should().NotContain(scheduled.Id);
        using var late = await RegisterAsync(scheduled.Id, new { name = "Spät", email = "spaet@example.org", people = 1, consent = true, consentTextVersion = "2026-12-events" });
        late.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        using var twice = await host.Client.PostAsync(new Uri($"/api/engagement/events/{scheduled.Id}/cancel", UriKind.Relative), null, Cancellation);
        twice.StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Changing_an_event_moves_it_keeps_its_registrations_moves_the_waitlist_up_into_new_seats_and_announces_the_plan()
    {
        await using var probe = await EventProbe.StartAsync<EventChanged>(host.Messaging, Cancellation);
        var scheduled = await host.ScheduleEventAsync(officeId, 2);
        var confirmed = await RegisterOkAsync(scheduled.Id, 2);
        var waiting = await RegisterOkAsync(scheduled.Id, 2);
        var startsAt = DateTimeOffset.UtcNow.AddDays(10);

        using var tooSmall = await host.Client.PutAsJsonAsync($"/api/engagement/events/{scheduled.Id}", Plan(startsAt, capacity: 1, title: "Hoffest"), Cancellation);
        using var changed = await host.Client.PutAsJsonAsync($"/api/engagement/events/{scheduled.Id}", Plan(startsAt, capacity: 5, title: "Hoffest"), Cancellation);

        tooSmall.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, "two people are confirmed");
        (await tooSmall.Content.ReadAsStringAsync(Cancellation)).Should().Contain("2 people are confirmed");
        await Json.EnsureStatusAsync(changed, HttpStatusCode.OK);
        var now = (await host.Client.GetFromJsonAsync<EventResponse>($"/api/engagement/events/{scheduled.Id}", Cancellation))!;
        now.Place.Should().Be("Gemeinschaftsgarten");
        now.StartsAt.Should().BeCloseTo(startsAt, TimeSpan.FromMilliseconds(1));
        now.Texts.Should().ContainSingle().Which.Title.Should().Be("Hoffest", "the Arabic text left the plan");
        now.Capacity.Should().Be(5);
        now.FreeSeats.Should().Be(1, "the waiting couple moved up into the new seats");
        (await host.Client.GetFromJsonAsync<RegistrationResponse>(waiting.ManagementUrl, Cancellation))!.Status.Should().Be(RegistrationStatus.Confirmed);
        (await host.Client.GetFromJsonAsync<RegistrationResponse>(confirmed.ManagementUrl, Cancellation))!.Status.Should().Be(RegistrationStatus.Confirmed);
        var announced = (await probe.WaitForAsync(e => e.EventId == scheduled.Id, TimeSpan.FromSeconds(10))).Message;
        (announced.Capacity, announced.FieldOfAction).Should().Be((5, "bildung"));
        announced.StartsAt.Should().BeCloseTo(startsAt, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task A_change_made_against_a_plan_someone_else_changed_meanwhile_is_refused_with_412_and_changes_nothing()
    {
        var scheduled = await host.ScheduleEventAsync(officeId, 5);
        using var read = await host.Client.GetAsync(new Uri($"/api/engagement/events/{scheduled.Id}", UriKind.Relative), Cancellation);
        var tag = read.Headers.ETag!.ToString();

        using var first = await ChangeAsync(scheduled.Id, Plan(DateTimeOffset.UtcNow.AddDays(9), capacity: 8, title: "Hoffest"), tag);
        using var second = await ChangeAsync(scheduled.Id, Plan(DateTimeOffset.UtcNow.AddDays(9), capacity: 6, title: "Sommerfest"), tag);
        using var weak = await ChangeAsync(scheduled.Id, Plan(DateTimeOffset.UtcNow.AddDays(9), capacity: 6, title: "Sommerfest"), $"W/{first.Headers.ETag}");

        await Json.EnsureStatusAsync(first, HttpStatusCode.OK);
        first.Headers.ETag!.ToString().Should().Be("\"1\"", "the answer carries the new version");
        second.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        weak.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed, "If-Match compares strongly");
        var now = (await host.Client.GetFromJsonAsync<EventResponse>($"/api/engagement/events/{scheduled.Id}", Cancellation))!;
        (now.Capacity, now.Texts.Single().Title, now.Version).Should().Be((8, "Hoffest", 1), "the stale change changed nothing");
    }

    private async Task<HttpResponseMessage> ChangeAsync(Guid eventId, object plan, string ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/engagement/events/{eventId}", UriKind.Relative)) { Content = JsonContent.Create(plan) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await host.Client.SendAsync(request, Cancellation);
    }

    [Fact]
    public async Task An_event_that_began_was_cancelled_is_unknown_or_of_another_office_is_not_changed()
    {
        var scheduled = await host.ScheduleEventAsync(officeId, 5);
        var otherOffice = await host.RegisterOfficeAsync("Stadtteilbüro Nordstadt");
        var elsewhere = await host.ScheduleEventAsync(otherOffice, 5);
        using var outsider = host.Service.CreateClient();
        outsider.DefaultRequestHeaders.Authorization = new("Bearer", StaffTokens.Staff(StaffClient.Audience, officeId));
        var plan = Plan(DateTimeOffset.UtcNow.AddDays(9), capacity: 5, title: "Hoffest");

        using var inThePast = await host.Client.PutAsJsonAsync($"/api/engagement/events/{scheduled.Id}", Plan(DateTimeOffset.UtcNow.AddHours(-1), capacity: 5, title: "Hoffest"), Cancellation);
        using var invalid = await host.Client.PutAsJsonAsync($"/api/engagement/events/{scheduled.Id}", Json.Merge(plan, new { capacity = 0 }), Cancellation);
        using var unknown = await host.Client.PutAsJsonAsync($"/api/engagement/events/{Guid.NewGuid()}", plan, Cancellation);
        using var notTheirs = await outsider.PutAsJsonAsync($"/api/engagement/events/{elsewhere.Id}", plan, Cancellation);
        using var begun = await host.StartWithClockAhead(TimeSpan.FromDays(8)).CreateStaffClient().PutAsJsonAsync($"/api/engagement/events/{scheduled.Id}", plan, Cancellation);
        using var cancel = await host.Client.PostAsync(new Uri($"/api/engagement/events/{scheduled.Id}/cancel", UriKind.Relative), null, Cancellation);
        using var afterCancelling = await host.Client.PutAsJsonAsync($"/api/engagement/events/{scheduled.Id}", plan, Cancellation);

        inThePast.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        invalid.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await invalid.Content.ReadAsStringAsync(Cancellation)).Should().Contain("capacity");
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        notTheirs.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        begun.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        afterCancelling.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await host.Client.GetFromJsonAsync<EventResponse>($"/api/engagement/events/{elsewhere.Id}", Cancellation))!.Texts.Should().HaveCount(2, "nothing changed");
    }

    private static object Plan(DateTimeOffset startsAt, int capacity, string title) => new
    {
        fieldOfAction = "bildung",
        texts = new[] { new { language = "de", title } },
        place = "Gemeinschaftsgarten",
        startsAt,
        endsAt = startsAt.AddHours(3),
        capacity,
    };

    [Fact]
    public async Task Staff_record_attendance_of_a_confirmed_registration_and_it_is_announced()
    {
        await using var probe = await EventProbe.StartAsync<AttendanceRecorded>(host.Messaging, Cancellation);
        var scheduled = await host.ScheduleEventAsync(officeId, 2);
        var confirmed = await RegisterOkAsync(scheduled.Id, 2);
        var waiting = await RegisterOkAsync(scheduled.Id, 1);

        // Before the event begins nobody has come yet: Reporting counts attendance only at events held.
        using var beforeItBegins = await host.Client.PostAsJsonAsync($"/api/engagement/registrations/{confirmed.Id}/attendance", new { peopleAttended = 1 }, Cancellation);
        using var later = host.StartWithClockAhead(TimeSpan.FromDays(8)).CreateStaffClient();
        using var recorded = await later.PostAsJsonAsync($"/api/engagement/registrations/{confirmed.Id}/attendance", new { peopleAttended = 1 }, Cancellation);
        using var tooMany = await later.PostAsJsonAsync($"/api/engagement/registrations/{confirmed.Id}/attendance", new { peopleAttended = 3 }, Cancellation);
        using var notConfirmed = await later.PostAsJsonAsync($"/api/engagement/registrations/{waiting.Id}/attendance", new { peopleAttended = 1 }, Cancellation);

        beforeItBegins.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        await Json.EnsureStatusAsync(recorded, HttpStatusCode.OK);
        tooMany.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        notConfirmed.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await probe.WaitForAsync(e => e.RegistrationId == confirmed.Id, TimeSpan.FromSeconds(10))).Message.PeopleAttended.Should().Be(1);
    }

    [Fact]
    public async Task Events_are_found_from_an_instant_given_with_any_offset()
    {
        var scheduled = await host.ScheduleEventAsync(officeId, 5);
        var from = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(14)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

        var found = await host.Client.GetFromJsonAsync<List<EventResponse>>($"/api/engagement/events?officeId={officeId}&from={Uri.EscapeDataString(from)}", Cancellation);

        found!.Select(e => e.Id).Should().Contain(scheduled.Id, "an instant in +14:00 is the same instant in UTC, which the database stores");
    }

    [Fact]
    public async Task Malformed_or_misplaced_registrations_are_problems_not_server_errors()
    {
        var scheduled = await host.ScheduleEventAsync(officeId, 5);
        using var malformed = new StringContent("{\"name\": \"Olena\", \"people\": \"zwei\"}", System.Text.Encoding.UTF8, "application/json");

        using var unreadable = await host.Client.PostAsync(new Uri($"/api/engagement/events/{scheduled.Id}/registrations", UriKind.Relative), malformed, Cancellation);
        using var unknownEvent = await RegisterAsync(Guid.NewGuid(), new { name = "Olena", email = "olena@example.org", people = 1, consent = true, consentTextVersion = "2026-12-events" });
        using var tooLarge = await RegisterAsync(scheduled.Id, new { name = "Verein", email = "verein@example.org", people = 6, consent = true, consentTextVersion = "2026-12-events" });

        unreadable.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        unreadable.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        unknownEvent.StatusCode.Should().Be(HttpStatusCode.NotFound);
        tooLarge.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);

        // A consent naming a text that was never published proves nothing: refused at its field, no seat taken.
        using var unknownText = await RegisterAsync(scheduled.Id, new { name = "Olena", email = "olena@example.org", people = 1, consent = true, consentTextVersion = "2026-12-volunteers" });
        unknownText.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await unknownText.Content.ReadAsStringAsync(Cancellation)).Should().Contain("consentTextVersion").And.Contain("2026-12-events");
        using var unknownLanguage = await RegisterAsync(scheduled.Id, new { name = "Olena", email = "olena@example.org", people = 1, consent = true, consentTextVersion = "2026-12-events", consentLanguage = "ku" });
        unknownLanguage.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await host.Client.GetFromJsonAsync<JsonElement>($"/api/engagement/events/{scheduled.Id}", Cancellation)).GetProperty("freeSeats").GetInt32().Should().Be(5);
    }

    private Task<HttpResponseMessage> RegisterAsync(Guid eventId, object body) =>
        host.Client.PostAsJsonAsync($"/api/engagement/events/{eventId}/registrations", body, Cancellation);

    private async Task<Registered> RegisterOkAsync(Guid eventId, int people)
    {
        using var response = await RegisterAsync(eventId, new { name = "Familie Nguyen", email = "nguyen@example.org", people, consent = true, consentTextVersion = "2026-12-events" });
        await Json.EnsureStatusAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<Registered>(Cancellation))!;
    }

    private async Task<List<EventResponse>> ListAsync(string query) =>
        (await host.Client.GetFromJsonAsync<List<EventResponse>>($"/api/engagement/events?{query}", Cancellation))!;
}
