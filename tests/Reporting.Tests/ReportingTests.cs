using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartier.Contracts.Bookings;
using Quartier.Contracts.Engagement;
using Quartier.Reporting.Appointments;
using Quartier.Reporting.EventLog;
using Quartier.Testing;

namespace Quartier.Reporting.Tests;

public sealed class ReportingTests(PlatformInfrastructure platform) : IAsyncLifetime
{
    private const string March = "period=month&date=2026-03-01";

    private ServiceFactory<Program> reporting = null!;
    private HttpClient client = null!;
    private EventFeed feed = null!;
    private readonly MarchScenario scenario = new();

    public async ValueTask InitializeAsync()
    {
        reporting = await ServiceFactory.StartAsync<Program>(platform, "reporting");
        client = reporting.CreateStaffClient();
        feed = await EventFeed.StartAsync(reporting.MessagingConnectionString, reporting.Services);
        await scenario.PublishAsync(feed);
        await feed.WaitForLogAsync(scenario.DistinctEvents);
    }

    public async ValueTask DisposeAsync()
    {
        await feed.DisposeAsync();
        client.Dispose();
        await reporting.DisposeAsync();
    }

    [Fact]
    public async Task Appointments_count_in_the_month_they_start_whatever_order_their_events_arrive_in()
    {
        var report = await GetAsync($"appointments?officeId={scenario.OfficeId}&{March}");

        Figures(report.GetProperty("total")).Should().Be(new AppointmentFigures(Booked: 3, Cancelled: 1, Attended: 1, NoShow: 1));
        Breakdown(report, "byChannel").Should().BeEquivalentTo(new Dictionary<string, AppointmentFigures>
        {
            ["InPerson"] = new(1, 0, 1, 0),
            ["Phone"] = new(1, 1, 0, 0),
            ["Video"] = new(1, 0, 0, 1),
        });
        Breakdown(report, "byFieldOfAction").Should().BeEquivalentTo(new Dictionary<string, AppointmentFigures>
        {
            ["bildung"] = new(2, 0, 1, 1),
            ["wohnen"] = new(1, 1, 0, 0),
        });
        Breakdown(report, "byLanguage").Keys.Should().BeEquivalentTo("ar", "de", "uk");
        Breakdown(report, "byInterpreterNeeded").Should().BeEquivalentTo(new Dictionary<string, AppointmentFigures>
        {
            ["yes"] = new(2, 0, 1, 1),
            ["no"] = new(1, 1, 0, 0),
        });

        var april = await GetAsync($"appointments?officeId={scenario.OfficeId}&period=month&date=2026-04-15");
        Figures(april.GetProperty("total")).Booked.Should().Be(2, "1 April 00:30 in Berlin is April, and the rescheduled appointment moved there");
        var quarter = await GetAsync($"appointments?officeId={scenario.OfficeId}&period=quarter&date=2026-02-01");
        Figures(quarter.GetProperty("total")).Booked.Should().Be(3);
    }

    [Fact]
    public async Task A_month_and_a_quarter_show_the_sum_of_their_days_whatever_the_appointments_went_through()
    {
        var office = Guid.NewGuid();
        var random = new Random(20260301);
        string[] fields = ["bildung", "wohnen", "gesundheit"];
        string[] languages = ["de", "ar", "uk"];
        var logged = await feed.CountLoggedAsync();
        var published = 0;
        async Task Publish<TEvent>(TEvent integrationEvent) where TEvent : class
        {
            await feed.PublishAsync(integrationEvent);
            published++;
        }

        DateTimeOffset SomeTimeIn(int month) => MarchScenario.Local(month, random.Next(1, 29), random.Next(8, 18));
        for (var number = 0; number < 60; number++)
        {
            var appointment = Guid.NewGuid();
            var startsAt = SomeTimeIn(random.Next(2, 5));
            var booked = new AppointmentBooked(appointment, office, Guid.NewGuid(), (AppointmentChannel)random.Next(3), fields[random.Next(fields.Length)],
                languages[random.Next(languages.Length)], random.Next(2) == 0, startsAt, startsAt.AddMinutes(30), MarchScenario.Local(1, 10, 9));
            var steps = new List<Func<Task>>();
            if (random.Next(3) == 0)
            {
                var movedTo = SomeTimeIn(random.Next(2, 5));
                steps.Add(() => Publish(new AppointmentRescheduled(appointment, office, startsAt, movedTo, movedTo.AddMinutes(30), MarchScenario.Local(1, 11, 9))));
            }

            switch (random.Next(4))
            {
                case 0:
                    steps.Add(() => Publish(new AppointmentCancelled(appointment, office, CancelledBy.Resident, MarchScenario.Local(1, 12, 9))));
                    break;
                case 1:
                    steps.Add(() => Publish(new AppointmentAttended(appointment, office, null, null, MarchScenario.Local(1, 12, 9))));
                    break;
                case 2:
                    steps.Add(() => Publish(new AppointmentNoShow(appointment, office, MarchScenario.Local(1, 12, 9))));
                    break;
            }

            // What happened to the appointment afterwards may arrive before its booking.
            steps.Insert(random.Next(steps.Count + 1), () => Publish(booked));
            foreach (var step in steps)
            {
                await step();
            }
        }

        await feed.WaitForLogAsync(logged + published);

        // Months and quarters sum the monthly tallies; a day counts its appointments one by one.
        var monthsOfQuarter = new List<JsonElement>();
        foreach (var month in new[] { 2, 3, 4 })
        {
            var report = await GetAsync($"appointments?officeId={office}&period=month&date=2026-{month:00}-01");
            var days = new List<JsonElement>();
            for (var day = new DateOnly(2026, month, 1); day.Month == month; day = day.AddDays(1))
            {
                days.Add(await GetAsync($"appointments?officeId={office}&period=day&date={day:yyyy-MM-dd}"));
            }

            AllFigures(report).Should().BeEquivalentTo(SumOf(days), $"month {month} is the sum of its days");
            if (month < 4)
            {
                monthsOfQuarter.Add(report);
            }
        }

        var quarter = await GetAsync($"appointments?officeId={office}&period=quarter&date=2026-02-01");
        AllFigures(quarter).Should().BeEquivalentTo(SumOf(monthsOfQuarter));
        Figures(quarter.GetProperty("total")).Booked.Should().BeGreaterThan(20, "the mix must be big enough to mean something");
    }

    [Fact]
    public async Task Redelivered_and_duplicated_events_change_nothing()
    {
        var before = await GetAsync($"fields-of-action?officeId={scenario.OfficeId}&{March}");
        var logged = await feed.CountLoggedAsync();

        var redelivered = new AppointmentBooked(Guid.NewGuid(), scenario.OfficeId, Guid.NewGuid(), AppointmentChannel.Phone, "bildung", "de", false,
            MarchScenario.Local(3, 25, 9), MarchScenario.Local(3, 25, 10), MarchScenario.Local(3, 20, 9));
        var messageId = await feed.PublishAsync(redelivered);
        await feed.PublishAsync(redelivered, messageId);
        await feed.PublishAsync(redelivered, messageId);
        await feed.PublishAsync(redelivered with { BookedAt = redelivered.BookedAt.AddSeconds(1) });
        await feed.WaitForLogAsync(logged + 2);
        await Task.Delay(500, TestContext.Current.CancellationToken);

        (await feed.CountLoggedAsync()).Should().Be(logged + 2, "a redelivered message id is logged once");
        var after = await GetAsync($"appointments?officeId={scenario.OfficeId}&{March}");
        Figures(after.GetProperty("total")).Booked.Should().Be(4, "the same appointment announced twice is still one appointment");
        before.GetProperty("header").GetProperty("completeUpTo").GetProperty("logPosition").GetInt64().Should().BeGreaterThanOrEqualTo(scenario.DistinctEvents);
    }

    [Fact]
    public async Task Callback_service_level_counts_reached_windows_and_minutes_to_the_first_attempt()
    {
        var report = await GetAsync($"callbacks?officeId={scenario.OfficeId}&{March}");

        report.GetProperty("requested").GetInt32().Should().Be(5);
        report.GetProperty("cancelled").GetInt32().Should().Be(1);
        report.GetProperty("reached").GetInt32().Should().Be(2);
        report.GetProperty("reachedWithinWindow").GetInt32().Should().Be(1);
        report.GetProperty("unreachable").GetInt32().Should().Be(1);
        report.GetProperty("overdue").GetInt32().Should().Be(1);
        report.GetProperty("shareReachedWithinWindow").GetDecimal().Should().Be(0.2m);
        report.GetProperty("medianMinutesToFirstAttempt").GetDouble().Should().Be(20);
        report.GetProperty("p90MinutesToFirstAttempt").GetDouble().Should().BeApproximately(76, 1e-9);
    }

    [Fact]
    public async Task Opening_hours_follow_the_latest_announcement_per_date_and_utilisation_uses_booked_minutes()
    {
        var report = await GetAsync($"opening-hours?officeId={scenario.OfficeId}&{March}");

        report.GetProperty("offeredHours").GetDecimal().Should().Be(3m, "the later announcement closed 11 March");
        report.GetProperty("capacityMinutes").GetInt32().Should().Be(360);
        report.GetProperty("bookedMinutes").GetInt32().Should().Be(59, "the cancelled appointment frees its minutes");
        report.GetProperty("utilisation").GetDecimal().Should().Be(0.1639m);
    }

    [Fact]
    public async Task Events_count_registrations_waitlist_and_attendance_of_the_events_held()
    {
        var total = (await GetAsync($"events?officeId={scenario.OfficeId}&{March}")).GetProperty("total");

        total.GetProperty("scheduled").GetInt32().Should().Be(2);
        total.GetProperty("cancelled").GetInt32().Should().Be(1);
        total.GetProperty("held").GetInt32().Should().Be(1);
        total.GetProperty("registrations").GetInt32().Should().Be(3);
        total.GetProperty("waitlisted").GetInt32().Should().Be(1);
        total.GetProperty("promoted").GetInt32().Should().Be(1);
        total.GetProperty("registrationsCancelled").GetInt32().Should().Be(1);
        total.GetProperty("peopleConfirmedAtHeldEvents").GetInt32().Should().Be(3);
        total.GetProperty("peopleAttended").GetInt32().Should().Be(2);
        total.GetProperty("attendanceRate").GetDecimal().Should().Be(0.6667m);
    }

    [Fact]
    public async Task Volunteers_tandems_and_hours_of_the_month()
    {
        var figures = (await GetAsync($"volunteers?officeId={scenario.OfficeId}&{March}")).GetProperty("figures");

        figures.GetProperty("active").GetInt32().Should().Be(2, "v4 ended and v5 was paused before March");
        figures.GetProperty("new").GetInt32().Should().Be(2);
        figures.GetProperty("approved").GetInt32().Should().Be(2);
        figures.GetProperty("ended").GetInt32().Should().Be(1);
        figures.GetProperty("hours").GetDecimal().Should().Be(5.5m, "the hours delivered twice count once");
        figures.GetProperty("tandemsActive").GetInt32().Should().Be(2);
        figures.GetProperty("tandemsFormed").GetInt32().Should().Be(1);
        figures.GetProperty("shiftsFilled").GetInt32().Should().Be(1, "the older shortage report arrived later and does not win");
        figures.GetProperty("shiftsShort").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task Fields_of_action_sum_every_activity_and_the_programme_report_adds_months_and_indicators()
    {
        var fields = (await GetAsync($"fields-of-action?officeId={scenario.OfficeId}&{March}")).GetProperty("fields")
            .EnumerateArray().ToDictionary(f => f.GetProperty("fieldOfAction").GetString()!, f => f.GetProperty("figures"));

        fields.Keys.Should().BeEquivalentTo("bildung", "wohnen", "stadtteilkultur", "none");
        var education = fields["bildung"];
        Figures(education.GetProperty("appointments")).Should().Be(new AppointmentFigures(2, 0, 1, 1));
        education.GetProperty("callbacksRequested").GetInt32().Should().Be(2);
        education.GetProperty("callbacksReached").GetInt32().Should().Be(2);
        education.GetProperty("events").GetProperty("held").GetInt32().Should().Be(1);
        education.GetProperty("events").GetProperty("peopleAttended").GetInt32().Should().Be(2);
        education.GetProperty("volunteerHours").GetDecimal().Should().Be(3.5m);
        fields["wohnen"].GetProperty("volunteerHours").GetDecimal().Should().Be(2m);
        fields["none"].GetProperty("callbacksRequested").GetInt32().Should().Be(2);
        (education.GetProperty("walkIns").GetInt32(), education.GetProperty("phoneContacts").GetInt32()).Should().Be((1, 0), "the second walk-in was taken back");
        fields["none"].GetProperty("phoneContacts").GetInt32().Should().Be(1);
        fields["wohnen"].GetProperty("phoneContacts").GetInt32().Should().Be(0, "the call on 1 April counts in April");

        var programme = await GetAsync($"programme?projectArea={Uri.EscapeDataString(MarchScenario.ProjectArea)}&date=2026-06-01");
        programme.GetProperty("header").GetProperty("period").GetProperty("from").GetString().Should().Be("2026-01-01");
        programme.GetProperty("projectArea").GetProperty("population").GetInt32().Should().Be(3508, "the later office update wins although it arrived first");
        programme.GetProperty("projectArea").GetProperty("indicators")[0].GetProperty("areaValue").GetDecimal().Should().Be(44.0m);
        var months = programme.GetProperty("months").EnumerateArray().ToList();
        months.Should().HaveCount(12);
        var marchEducation = months[2].GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("fieldOfAction").GetString() == "bildung");
        marchEducation.GetProperty("figures").GetProperty("appointments").GetProperty("booked").GetInt32().Should().Be(2);
        months[2].GetProperty("volunteers").GetProperty("active").GetInt32().Should().Be(2);
        months[3].GetProperty("fields").EnumerateArray().Sum(f => f.GetProperty("figures").GetProperty("appointments").GetProperty("booked").GetInt32()).Should().Be(2);
        months[3].GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("fieldOfAction").GetString() == "wohnen")
            .GetProperty("figures").GetProperty("phoneContacts").GetInt32().Should().Be(1);
        programme.GetProperty("year").EnumerateArray().Single(f => f.GetProperty("fieldOfAction").GetString() == "bildung")
            .GetProperty("figures").GetProperty("appointments").GetProperty("booked").GetInt32().Should().Be(3);

        var elsewhere = await GetAsync($"programme?projectArea=Nirgendwo&date=2026-06-01");
        elsewhere.GetProperty("year").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Rebuilding_from_the_log_reproduces_every_read_model()
    {
        var before = await SnapshotReadModelsAsync();
        var reportBefore = await GetTextAsync($"fields-of-action?officeId={scenario.OfficeId}&{March}&format=csv");

        await reporting.Services.RebuildReadModelsAsync(TestContext.Current.CancellationToken);

        var after = await SnapshotReadModelsAsync();
        after.Should().BeEquivalentTo(before, options => options.WithStrictOrdering());
        after.Values.Sum(rows => rows.Count).Should().BeGreaterThan(40);
        (await GetTextAsync($"fields-of-action?officeId={scenario.OfficeId}&{March}&format=csv")).Should().Be(reportBefore);
    }

    [Fact]
    public async Task Csv_opens_in_German_spreadsheets_with_BOM_semicolons_and_an_optional_decimal_comma()
    {
        using var response = await client.GetAsync(new Uri($"/api/reporting/callbacks?officeId={scenario.OfficeId}&{March}&format=csv&decimalSeparator=comma", UriKind.Relative), TestContext.Current.CancellationToken);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        bytes.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        lines[0].Should().Be("requested;reached;reachedWithinWindow;unreachable;overdue;cancelled;shareReachedWithinWindow;medianMinutesToFirstAttempt;p90MinutesToFirstAttempt");
        lines[1].Should().Be("5;2;1;1;1;1;0,2;20;76");

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/reporting/fields-of-action?officeId={scenario.OfficeId}&{March}");
        request.Headers.Accept.ParseAdd("text/csv");
        using var accepted = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = Encoding.UTF8.GetString(await accepted.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        text.Should().StartWith("\uFEFFfieldOfAction;name;appointmentsBooked;");
        text.Should().Contain("bildung;Schule und Bildung;2;0;1;1;2;2;1;0;1;3;1;1;2;0.6667;3.5\r\n", "decimals keep the point unless a comma is asked for");
    }

    [Fact]
    public async Task A_tandem_ended_before_its_first_day_counts_as_formed_but_never_as_active()
    {
        var office = Guid.NewGuid();
        var (ran, neverRan) = (Guid.NewGuid(), Guid.NewGuid());
        var logged = await feed.CountLoggedAsync();
        var march = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1));

        await feed.PublishAsync(new TandemFormed(ran, office, "Sprachpatenschaft", new DateOnly(2026, 3, 3), null, march));
        await feed.PublishAsync(new TandemFormed(neverRan, office, "Lernpatenschaft", new DateOnly(2026, 3, 25), new DateOnly(2026, 6, 30), march));
        await feed.PublishAsync(new TandemEnded(neverRan, office, march.AddDays(8)));
        await feed.WaitForLogAsync(logged + 3);

        var figures = (await GetAsync($"volunteers?officeId={office}&{March}")).GetProperty("figures");
        figures.GetProperty("tandemsFormed").GetInt32().Should().Be(2);
        figures.GetProperty("tandemsActive").GetInt32().Should().Be(1, "the tandem called off on 10 March never ran");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task The_office_ends_closed_with_the_latest_data_whatever_order_and_however_often_its_events_arrive(int seed)
    {
        var history = new OfficeHistory(DateTimeOffset.UtcNow);
        var logged = await feed.CountLoggedAsync();
        var delivered = history.ShuffledAndRepeated(seed);

        foreach (var integrationEvent in delivered)
        {
            await feed.PublishAsync(integrationEvent);
        }

        await feed.WaitForLogAsync(logged + delivered.Count);
        var office = await GetAsync($"offices/{history.OfficeId}");
        office.GetProperty("name").GetString().Should().Be(OfficeHistory.FinalName);
        office.GetProperty("closedAt").ValueKind.Should().Be(JsonValueKind.String);
    }

    private async Task<JsonElement> GetAsync(string query)
    {
        using var response = await client.GetAsync(new Uri($"/api/reporting/{query}", UriKind.Relative), TestContext.Current.CancellationToken);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    private async Task<string> GetTextAsync(string query) =>
        await client.GetStringAsync(new Uri($"/api/reporting/{query}", UriKind.Relative), TestContext.Current.CancellationToken);

    private static AppointmentFigures Figures(JsonElement figures) => figures.Deserialize<AppointmentFigures>(JsonSerializerOptions.Web)!;

    private static readonly string[] Dimensions = ["byChannel", "byFieldOfAction", "byLanguage", "byInterpreterNeeded"];

    /// <summary>The total and every breakdown of an appointment report, keyed "dimension/value".</summary>
    private static Dictionary<string, AppointmentFigures> AllFigures(JsonElement report) =>
        Dimensions.SelectMany(dimension => Breakdown(report, dimension).Select(b => KeyValuePair.Create($"{dimension}/{b.Key}", b.Value)))
            .Append(KeyValuePair.Create("total", Figures(report.GetProperty("total"))))
            .Where(figure => figure.Value != AppointmentFigures.None)
            .ToDictionary();

    private static Dictionary<string, AppointmentFigures> SumOf(IEnumerable<JsonElement> reports) =>
        reports.SelectMany(AllFigures)
            .GroupBy(figure => figure.Key, figure => figure.Value)
            .ToDictionary(g => g.Key, g => AppointmentFigures.Sum(g));

    private static Dictionary<string, AppointmentFigures> Breakdown(JsonElement report, string dimension) =>
        report.GetProperty(dimension).EnumerateArray().ToDictionary(b => b.GetProperty("value").GetString()!, b => Figures(b.GetProperty("figures")));

    /// <summary>Every row of every read model as PostgreSQL renders it, in a stable order.</summary>
    private async Task<Dictionary<string, List<string>>> SnapshotReadModelsAsync()
    {
        var tables = new List<string>();
        await using (var scope = reporting.Services.CreateAsyncScope())
        {
            tables.AddRange(LogReplay.ReadModelTables(scope.ServiceProvider.GetRequiredService<Data.ReportingDbContext>()));
        }

        var snapshot = new Dictionary<string, List<string>>();
        await using var connection = new NpgsqlConnection(reporting.Services.GetRequiredService<IConfiguration>().GetConnectionString("reportingdb"));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand($"SELECT t::text FROM \"{table}\" t ORDER BY 1", connection);
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            var rows = new List<string>();
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                rows.Add(reader.GetString(0));
            }

            snapshot[table] = rows;
        }

        return snapshot;
    }
}
