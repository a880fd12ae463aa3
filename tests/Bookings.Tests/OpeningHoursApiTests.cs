using System.Net;
using System.Net.Http.Json;
using Quartier.Bookings.OpeningHours;
using Quartier.Bookings.Tests.Support;
using Quartier.Contracts.Bookings;
using Quartier.Testing;

namespace Quartier.Bookings.Tests;

public sealed class OpeningHoursApiTests(PlatformInfrastructure platform) : IAsyncLifetime
{
    private BookingsHost host = null!;

    public async ValueTask InitializeAsync() => host = await BookingsHost.StartAsync(platform);

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    private static SetWeeklyPlanRequest Suedstadt() => new(
    [
        new(DayOfWeek.Monday, new(11, 0), new(14, 0)),
        new(DayOfWeek.Tuesday, new(15, 0), new(18, 0)),
        new(DayOfWeek.Wednesday, new(8, 0), new(11, 0)),
        new(DayOfWeek.Thursday, new(15, 0), new(18, 0)),
    ]);

    [Fact]
    public async Task Staff_set_the_weekly_plan_and_residents_see_effective_hours_with_the_states_holidays()
    {
        var thuringia = await host.RegisterOfficeAsync("DE-TH");
        var lowerSaxony = await host.RegisterOfficeAsync("DE-NI", "Koordinierungsbüro Salzgitter");
        foreach (var office in new[] { thuringia, lowerSaxony })
        {
            using var put = await host.Client.PutAsJsonAsync($"/api/bookings/offices/{office}/opening-hours/plans/2026-01-01", Suedstadt(), Json.Options, TestContext.Current.CancellationToken);
            put.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        // Week of 19 September 2027: Monday 20 September is World Children's Day, a holiday in Thuringia only.
        var inThuringia = await host.Client.GetOkAsync<List<EffectiveDayResponse>>($"/api/bookings/offices/{thuringia}/opening-hours/effective?from=2027-09-20&to=2027-09-22");
        var inLowerSaxony = await host.Client.GetOkAsync<List<EffectiveDayResponse>>($"/api/bookings/offices/{lowerSaxony}/opening-hours/effective?from=2027-09-20&to=2027-09-22");

        inThuringia[0].Should().BeEquivalentTo(new { Open = false, Holiday = "Weltkindertag" });
        inLowerSaxony[0].Open.Should().BeTrue();
        inLowerSaxony[0].Intervals.Single().StartsAt.Should().Be(new DateTimeOffset(2027, 9, 20, 11, 0, 0, TimeSpan.FromHours(2)));
        inThuringia.Skip(1).Select(d => d.LocalIntervals.Single().Opens).Should().Equal(new TimeOnly(15, 0), new TimeOnly(8, 0));

        // Good Friday 2027 (26 March) closes both; Easter Monday too.
        var easter = await host.Client.GetOkAsync<List<EffectiveDayResponse>>($"/api/bookings/offices/{lowerSaxony}/opening-hours/effective?from=2027-03-29&to=2027-03-29");
        easter.Single().Holiday.Should().Be("Ostermontag");
    }

    [Fact]
    public async Task A_weekly_plan_sent_against_opening_hours_someone_else_changed_meanwhile_is_refused_with_412_and_changes_nothing()
    {
        var office = await host.RegisterOfficeAsync("DE-TH");
        var cancellation = TestContext.Current.CancellationToken;
        using var read = await host.Client.GetAsync(new Uri($"/api/bookings/offices/{office}/opening-hours", UriKind.Relative), cancellation);
        var opened = read.Headers.ETag!.ToString();

        using var first = await PutPlanAsync(office, Suedstadt(), opened);
        using var stale = await PutPlanAsync(office, new SetWeeklyPlanRequest([new(DayOfWeek.Friday, new(9, 0), new(12, 0))]), opened);
        using var reread = await host.Client.GetAsync(new Uri($"/api/bookings/offices/{office}/opening-hours", UriKind.Relative), cancellation);
        using var current = await PutPlanAsync(office, new SetWeeklyPlanRequest([new(DayOfWeek.Friday, new(9, 0), new(12, 0))]), reread.Headers.ETag!.ToString());

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        stale.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        reread.Headers.ETag!.ToString().Should().NotBe(opened);
        (await reread.Content.ReadFromJsonAsync<ScheduleResponse>(Json.Options, cancellation))!.Plans.Single().Intervals.Should().HaveCount(4, "the stale plan changed nothing");
        current.StatusCode.Should().Be(HttpStatusCode.OK, "sent against the version read now");
    }

    private async Task<HttpResponseMessage> PutPlanAsync(Guid office, SetWeeklyPlanRequest plan, string ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/bookings/offices/{office}/opening-hours/plans/2026-01-01", UriKind.Relative))
        {
            Content = JsonContent.Create(plan, options: Json.Options),
        };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task The_DST_week_shows_wall_clock_hours_with_the_offset_of_each_day()
    {
        // Bavaria: 31 October 2027, the autumn DST Sunday, is Reformation Day in the north but no holiday here.
        var office = await host.RegisterOfficeAsync("DE-BY");
        var plan = new SetWeeklyPlanRequest([new(DayOfWeek.Saturday, new(11, 0), new(14, 0)), new(DayOfWeek.Sunday, new(1, 30), new(3, 30))]);
        using var put = await host.Client.PutAsJsonAsync($"/api/bookings/offices/{office}/opening-hours/plans/2027-01-01", plan, Json.Options, TestContext.Current.CancellationToken);
        put.StatusCode.Should().Be(HttpStatusCode.OK);

        var march = await host.Client.GetOkAsync<List<EffectiveDayResponse>>($"/api/bookings/offices/{office}/opening-hours/effective?from=2027-03-27&to=2027-03-28");
        var october = await host.Client.GetOkAsync<List<EffectiveDayResponse>>($"/api/bookings/offices/{office}/opening-hours/effective?from=2027-10-30&to=2027-10-31");

        march[0].Intervals.Single().StartsAt.Offset.Should().Be(TimeSpan.FromHours(1));
        var springSunday = march[1].Intervals.Single();
        (springSunday.EndsAt - springSunday.StartsAt).Should().Be(TimeSpan.FromHours(1));
        springSunday.EndsAt.Offset.Should().Be(TimeSpan.FromHours(2));
        var autumnSunday = october[1].Intervals.Single();
        (autumnSunday.EndsAt - autumnSunday.StartsAt).Should().Be(TimeSpan.FromHours(3));
        october[0].Intervals.Single().StartsAt.Offset.Should().Be(TimeSpan.FromHours(2));
    }

    [Fact]
    public async Task Changing_the_hours_announces_the_effective_intervals_and_open_now_follows()
    {
        var office = await host.RegisterOfficeAsync("DE-NI");
        await using var probe = await EventProbe.StartAsync<OpeningHoursChanged>(host.MessagingConnectionString, TestContext.Current.CancellationToken);

        await host.OpenAlwaysAsync(office, new DateOnly(2020, 1, 1));
        var now = host.Clock.GetUtcNow();
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var today = OfficeTime.LocalDate(now, berlin);
        using var closedToday = await host.Client.PutAsJsonAsync($"/api/bookings/offices/{office}/opening-hours/exceptions/{today:yyyy-MM-dd}", new SetDayExceptionRequest([], "Fortbildung"), Json.Options, TestContext.Current.CancellationToken);
        closedToday.StatusCode.Should().Be(HttpStatusCode.OK);

        var tomorrowMidnight = OfficeTime.Opening(today.AddDays(1), TimeOnly.MinValue, berlin);
        var announced = await probe.WaitForAsync(
            e => e.OfficeId == office && e.Intervals.Count > 0 && e.Intervals[0].StartsAt == tomorrowMidnight,
            TimeSpan.FromSeconds(10));
        announced.Message.From.Should().Be(today);
        announced.Message.To.Should().Be(today.AddDays(365));
        var openNow = await host.Client.GetOkAsync<OpenNowResponse>($"/api/bookings/offices/{office}/open-now");
        openNow.Open.Should().BeFalse();
        openNow.NextOpening.Should().NotBeNull();
    }

    [Fact]
    public async Task Each_new_day_that_comes_within_the_horizon_is_announced_without_a_staff_edit()
    {
        var office = await host.RegisterOfficeAsync("DE-NI");
        await using var probe = await EventProbe.StartAsync<OpeningHoursChanged>(host.MessagingConnectionString, TestContext.Current.CancellationToken);
        await host.OpenAlwaysAsync(office, new DateOnly(2020, 1, 1));
        var today = OfficeTime.LocalDate(host.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
        await probe.WaitForAsync(e => e.OfficeId == office && e.To == today.AddDays(365), TimeSpan.FromSeconds(10));

        (await host.RunScopedAsync<OpeningHoursHorizon, int>(horizon => horizon.ExtendAsync(TestContext.Current.CancellationToken)))
            .Should().Be(0, "today's horizon was announced with the edit");

        host.Clock.Advance(TimeSpan.FromDays(2));
        (await host.RunScopedAsync<OpeningHoursHorizon, int>(horizon => horizon.ExtendAsync(TestContext.Current.CancellationToken))).Should().Be(1);
        (await host.RunScopedAsync<OpeningHoursHorizon, int>(horizon => horizon.ExtendAsync(TestContext.Current.CancellationToken))).Should().Be(0);

        var extended = await probe.WaitForAsync(e => e.OfficeId == office && e.To == today.AddDays(367), TimeSpan.FromSeconds(10));
        extended.Message.From.Should().Be(today.AddDays(366), "only the days not announced before");
        var effective = await host.Client.GetOkAsync<List<EffectiveDayResponse>>($"/api/bookings/offices/{office}/opening-hours/effective?from={today.AddDays(366):yyyy-MM-dd}&to={today.AddDays(367):yyyy-MM-dd}");
        extended.Message.Intervals.Select(i => i.StartsAt).Should().Equal(effective.SelectMany(d => d.Intervals).Select(i => i.StartsAt));
    }

    [Fact]
    public async Task Invalid_hours_are_400_problems_naming_the_field_and_unknown_offices_404()
    {
        var office = await host.RegisterOfficeAsync("DE-NI");

        using var backwards = await host.Client.PutAsJsonAsync($"/api/bookings/offices/{office}/opening-hours/plans/2027-01-01",
            new SetWeeklyPlanRequest([new(DayOfWeek.Monday, new(14, 0), new(11, 0))]), Json.Options, TestContext.Current.CancellationToken);
        using var overlapping = await host.Client.PutAsJsonAsync($"/api/bookings/offices/{office}/opening-hours/plans/2027-01-01",
            new SetWeeklyPlanRequest([new(DayOfWeek.Monday, new(9, 0), new(12, 0)), new(DayOfWeek.Monday, new(11, 0), new(13, 0))]), Json.Options, TestContext.Current.CancellationToken);
        using var closure = await host.Client.PostAsJsonAsync($"/api/bookings/offices/{office}/opening-hours/closures",
            new AddClosureRequest(new DateOnly(2027, 8, 10), new DateOnly(2027, 8, 1), "Sommer"), Json.Options, TestContext.Current.CancellationToken);
        using var range = await host.Client.GetAsync(new Uri($"/api/bookings/offices/{office}/opening-hours/effective?from=2027-02-01&to=2027-01-01", UriKind.Relative), TestContext.Current.CancellationToken);
        using var badDate = await host.Client.GetAsync(new Uri($"/api/bookings/offices/{office}/opening-hours/effective?from=2027-02-30&to=2027-03-01", UriKind.Relative), TestContext.Current.CancellationToken);
        using var unknown = await host.Client.GetAsync(new Uri($"/api/bookings/offices/{Guid.NewGuid()}/opening-hours", UriKind.Relative), TestContext.Current.CancellationToken);

        backwards.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await backwards.ProblemFieldsAsync()).Should().Equal("intervals");
        overlapping.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        closure.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await closure.ProblemFieldsAsync()).Should().Equal("to");
        range.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        badDate.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_closure_period_closes_the_office_and_can_be_removed()
    {
        var office = await host.RegisterOfficeAsync("DE-NI");
        using var plan = await host.Client.PutAsJsonAsync($"/api/bookings/offices/{office}/opening-hours/plans/2026-01-01", Suedstadt(), Json.Options, TestContext.Current.CancellationToken);
        using var added = await host.Client.PostAsJsonAsync($"/api/bookings/offices/{office}/opening-hours/closures",
            new AddClosureRequest(new DateOnly(2027, 8, 2), new DateOnly(2027, 8, 13), "Sommerpause"), Json.Options, TestContext.Current.CancellationToken);
        var schedule = await added.ReadAsync<ScheduleResponse>();

        var closed = await host.Client.GetOkAsync<List<EffectiveDayResponse>>($"/api/bookings/offices/{office}/opening-hours/effective?from=2027-08-02&to=2027-08-02");
        using var removed = await host.Client.DeleteAsync(new Uri($"/api/bookings/offices/{office}/opening-hours/closures/{schedule.Closures.Single().Id}", UriKind.Relative), TestContext.Current.CancellationToken);
        var open = await host.Client.GetOkAsync<List<EffectiveDayResponse>>($"/api/bookings/offices/{office}/opening-hours/effective?from=2027-08-02&to=2027-08-02");

        closed.Single().Should().BeEquivalentTo(new { Open = false, ClosureReason = "Sommerpause" });
        removed.StatusCode.Should().Be(HttpStatusCode.OK);
        open.Single().Open.Should().BeTrue();
    }

    [Fact]
    public async Task Text_dates_and_lists_no_database_can_hold_are_refused_naming_the_field_and_the_service_goes_on_serving()
    {
        var office = await host.RegisterOfficeAsync("DE-TH");
        var closures = $"/api/bookings/offices/{office}/opening-hours/closures";

        using var nul = await SendJsonAsync(HttpMethod.Post, closures, """{"from":"2027-08-02","to":"2027-08-13","reason":"Sommer\u0000pause"}""");
        using var halfSurrogate = await SendJsonAsync(HttpMethod.Post, closures, """{"from":"2027-08-02","to":"2027-08-13","reason":"Sommer\ud800"}""");
        using var nullInterval = await SendJsonAsync(HttpMethod.Put, $"/api/bookings/offices/{office}/opening-hours/plans/2027-01-01", """{"intervals":[null]}""");
        using var utf16 = await SendJsonAsync(HttpMethod.Post, closures, """{"from":"2027-08-02","to":"2027-08-13"}""", "application/json; charset=utf-16");
        using var yearOne = await host.Client.GetAsync(new Uri($"/api/bookings/offices/{office}/opening-hours/effective?from=0001-01-01&to=0001-01-02", UriKind.Relative), TestContext.Current.CancellationToken);
        using var lastDay = await host.Client.GetAsync(new Uri($"/api/bookings/offices/{office}/opening-hours/effective?from=9999-12-30&to=9999-12-31", UriKind.Relative), TestContext.Current.CancellationToken);
        using var nulInQuery = await host.Client.GetAsync(new Uri($"/api/bookings/offices/{office}/opening-hours/effective?from=2027-01-01%00&to=2027-01-02", UriKind.Relative), TestContext.Current.CancellationToken);

        (await DetailAsync(nul, HttpStatusCode.BadRequest)).Should().Contain("reason");
        (await DetailAsync(halfSurrogate, HttpStatusCode.BadRequest)).Should().Contain("reason");
        (await DetailAsync(nullInterval, HttpStatusCode.BadRequest)).Should().Contain("ntervals");
        await DetailAsync(utf16, HttpStatusCode.UnsupportedMediaType);
        (await DetailAsync(yearOne, HttpStatusCode.BadRequest)).Should().Contain("'from'");
        (await DetailAsync(lastDay, HttpStatusCode.BadRequest)).Should().Contain("'from'");
        (await DetailAsync(nulInQuery, HttpStatusCode.BadRequest)).Should().Contain("'from'");

        // Nothing was stored, and the next requests, on whichever pooled connection, are served.
        using var added = await host.Client.PostAsJsonAsync(closures, new AddClosureRequest(new DateOnly(2027, 8, 2), new DateOnly(2027, 8, 13), "Sommerpause"), Json.Options, TestContext.Current.CancellationToken);
        (await added.ReadAsync<ScheduleResponse>()).Closures.Should().ContainSingle().Which.Reason.Should().Be("Sommerpause");
    }

    private Task<HttpResponseMessage> SendJsonAsync(HttpMethod method, string path, string json, string contentType = "application/json") =>
        host.Client.SendAsync(new HttpRequestMessage(method, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8) { Headers = { ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType) } },
        }, TestContext.Current.CancellationToken);

    /// <summary>The problem's detail, after checking the answer is problem details with <paramref name="status"/>.</summary>
    private static async Task<string> DetailAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.Should().Be(status, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return problem.GetProperty("detail").GetString()!;
    }
}
