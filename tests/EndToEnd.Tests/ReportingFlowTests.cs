using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;

namespace Quartier.EndToEnd.Tests;

/// <summary>
/// Consistency of reporting with the services it listens to (Engagement, Bookings): a random mix of actions through the
/// gateway, then every figure reporting shows equals what the source service's own API says.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ReportingFlowTests(PlatformFixture platform)
{
    private static readonly TimeSpan ArrivalTimeout = PlatformFixture.ArrivalTimeout;
    private static readonly string[] Fields = ["bildung", "wohnen", "zusammenleben", "gesundheit"];

    private HttpClient Client => platform.Client;

    [Fact]
    public async Task After_hundreds_of_engagement_actions_every_reporting_figure_equals_the_source_data()
    {
        var officeId = await CreateOfficeAsync();
        var random = new Random(20261121);
        var volunteers = new Dictionary<Guid, string>();
        var everApproved = new HashSet<Guid>();
        var events = new List<Guid>();
        var cancelledEvents = new HashSet<Guid>();
        var registrations = new List<string>();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);

        for (var action = 0; action < 300; action++)
        {
            switch (random.Next(10))
            {
                case 0 or 1:
                    volunteers[await PostForIdAsync("/api/engagement/volunteers", SignUp(officeId, action))] = "Pending";
                    break;
                case 2 when Pick(random, volunteers, "Pending", "Paused") is { } volunteer:
                    await ChangeVolunteerAsync(volunteers, volunteer, "approve", "Approved");
                    everApproved.Add(volunteer);
                    break;
                case 3 when Pick(random, volunteers, "Approved") is { } volunteer:
                    await ChangeVolunteerAsync(volunteers, volunteer, random.Next(3) == 0 ? "end" : "pause", null);
                    break;
                case 4 when Pick(random, volunteers, "Approved", "Paused") is { } volunteer:
                    await PostOkAsync($"/api/engagement/volunteers/{volunteer}/hours", new { fieldOfAction = Fields[random.Next(Fields.Length)], date = today, hours = 0.25m * random.Next(1, 17) });
                    break;
                case 5 when events.Count < 12:
                    events.Add(await PostForIdAsync("/api/engagement/events", Event(officeId, today.AddDays(2 + random.Next(4)), Fields[random.Next(Fields.Length)], random.Next(2, 6))));
                    break;
                case 6 or 7 when events.Except(cancelledEvents).ToList() is { Count: > 0 } registrable:
                    var registration = await PostAsync($"/api/engagement/events/{registrable[random.Next(registrable.Count)]}/registrations", Registration(random.Next(1, 3)));
                    if (registration.StatusCode == HttpStatusCode.Created)
                    {
                        registrations.Add((await registration.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("managementToken").GetString()!);
                    }

                    break;
                case 8 when registrations.Count > 0:
                    var token = registrations[random.Next(registrations.Count)];
                    registrations.Remove(token);
                    using (var cancelled = await Client.DeleteAsync(new Uri($"/api/engagement/registrations/manage/{token}", UriKind.Relative), TestContext.Current.CancellationToken))
                    {
                        // Refused (4xx) when its event was cancelled meanwhile; never an error.
                        ((int)cancelled.StatusCode).Should().BeLessThan(500);
                    }

                    break;
                case 9 when events.Except(cancelledEvents).ToList() is { Count: > 3 } open && random.Next(4) == 0:
                    var eventToCancel = open[random.Next(open.Count)];
                    await PostOkAsync($"/api/engagement/events/{eventToCancel}/cancel", new { });
                    cancelledEvents.Add(eventToCancel);
                    break;
            }
        }

        // What Engagement itself holds.
        var sourceVolunteers = await GetJsonAsync($"/api/engagement/volunteers?officeId={officeId}");
        var statuses = sourceVolunteers.EnumerateArray().Select(v => (Id: v.GetProperty("id").GetGuid(), Status: v.GetProperty("status").GetString())).ToList();
        var hours = await GetJsonAsync($"/api/engagement/hours/summary?officeId={officeId}");
        var sourceEvents = new List<JsonElement>();
        var sourceRegistrations = new List<JsonElement>();
        foreach (var eventId in events)
        {
            sourceEvents.Add(await GetJsonAsync($"/api/engagement/events/{eventId}"));
            sourceRegistrations.AddRange((await GetJsonAsync($"/api/engagement/events/{eventId}/registrations")).EnumerateArray());
        }

        var expectedVolunteers = new
        {
            active = statuses.Count(v => everApproved.Contains(v.Id)),
            @new = statuses.Count,
            approved = statuses.Count(v => everApproved.Contains(v.Id)),
            ended = statuses.Count(v => v.Status == "Ended"),
            hours = hours.GetProperty("total").GetDecimal(),
        };
        var expectedEvents = new
        {
            scheduled = sourceEvents.Count,
            cancelled = sourceEvents.Count(e => e.GetProperty("status").GetString() == "Cancelled"),
            registrations = sourceRegistrations.Count,
            registrationsCancelled = sourceRegistrations.Count(r => r.GetProperty("status").GetString() == "Cancelled"),
        };
        var expectedHoursByField = hours.GetProperty("byFieldOfAction").EnumerateArray()
            .ToDictionary(f => f.GetProperty("fieldOfAction").GetString()!, f => f.GetProperty("hours").GetDecimal());
        statuses.Count.Should().BeGreaterThan(30, "the mix must be big enough to mean something");
        sourceRegistrations.Count.Should().BeGreaterThan(20);

        // Reporting, once it has caught up, must show exactly that.
        var year = $"officeId={officeId}&period=year&date={today:yyyy-MM-dd}";
        var deadline = DateTime.UtcNow + ArrivalTimeout;
        while (true)
        {
            var volunteerFigures = (await GetJsonAsync($"/api/reporting/volunteers?{year}")).GetProperty("figures");
            var eventFigures = (await GetJsonAsync($"/api/reporting/events?officeId={officeId}&period=year&date={sourceEvents[0].GetProperty("startsAt").GetDateTimeOffset():yyyy-MM-dd}")).GetProperty("total");
            var fields = (await GetJsonAsync($"/api/reporting/fields-of-action?{year}")).GetProperty("fields").EnumerateArray()
                .Where(f => f.GetProperty("figures").GetProperty("volunteerHours").GetDecimal() != 0)
                .ToDictionary(f => f.GetProperty("fieldOfAction").GetString()!, f => f.GetProperty("figures").GetProperty("volunteerHours").GetDecimal());
            var actualVolunteers = new
            {
                active = volunteerFigures.GetProperty("active").GetInt32(),
                @new = volunteerFigures.GetProperty("new").GetInt32(),
                approved = volunteerFigures.GetProperty("approved").GetInt32(),
                ended = volunteerFigures.GetProperty("ended").GetInt32(),
                hours = volunteerFigures.GetProperty("hours").GetDecimal(),
            };
            var actualEvents = new
            {
                scheduled = eventFigures.GetProperty("scheduled").GetInt32(),
                cancelled = eventFigures.GetProperty("cancelled").GetInt32(),
                registrations = eventFigures.GetProperty("registrations").GetInt32(),
                registrationsCancelled = eventFigures.GetProperty("registrationsCancelled").GetInt32(),
            };
            if ((actualVolunteers.Equals(expectedVolunteers) && actualEvents.Equals(expectedEvents) && fields.Count == expectedHoursByField.Count
                    && fields.All(f => expectedHoursByField.GetValueOrDefault(f.Key) == f.Value)) || DateTime.UtcNow > deadline)
            {
                actualVolunteers.Should().Be(expectedVolunteers);
                actualEvents.Should().Be(expectedEvents);
                fields.Should().BeEquivalentTo(expectedHoursByField);
                break;
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        using var csv = await Client.GetAsync(new Uri($"/api/reporting/volunteers?{year}&format=csv", UriKind.Relative), TestContext.Current.CancellationToken);
        (await csv.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken))[..3].Should().Equal(0xEF, 0xBB, 0xBF);
    }

    [Fact]
    public async Task After_random_bookings_and_cancellations_every_appointment_figure_equals_the_bookings_data()
    {
        var officeId = await CreateOfficeAsync();
        await platform.WaitForAsync<JsonElement>($"/api/bookings/offices/{officeId}", ArrivalTimeout);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);
        var week = Enum.GetValues<DayOfWeek>().Select(day => new { day, opens = "08:00", closes = "20:00" }).ToArray();
        using (var plan = await Client.PutAsJsonAsync(new Uri($"/api/bookings/offices/{officeId}/opening-hours/plans/{today:yyyy-MM-dd}", UriKind.Relative), new { intervals = week }, TestContext.Current.CancellationToken))
        {
            plan.IsSuccessStatusCode.Should().BeTrue(await plan.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        string[] channels = ["InPerson", "Phone", "Video"];
        var fieldOfService = new Dictionary<Guid, string>();
        var slots = new List<(Guid Service, string Channel, DateTimeOffset StartsAt)>();
        foreach (var field in new[] { "wohnen", "bildung" })
        {
            var service = await PostForIdAsync($"/api/bookings/offices/{officeId}/services", new
            {
                names = new Dictionary<string, string> { ["de"] = $"Beratung {field}" },
                durationMinutes = 30,
                channels,
                fieldOfAction = field,
                capacity = 2,
                minimumNoticeMinutes = 0,
            });
            fieldOfService[service] = field;
            foreach (var channel in channels)
            {
                var found = await GetJsonAsync($"/api/bookings/services/{service}/slots?channel={channel}&from={today.AddDays(1):yyyy-MM-dd}&to={today.AddDays(3):yyyy-MM-dd}");
                slots.AddRange(found.EnumerateArray().Select(slot => (service, channel, slot.GetProperty("startsAt").GetDateTimeOffset())));
            }
        }

        slots.Should().NotBeEmpty();
        var random = new Random(2611);
        var booked = new List<Guid>();
        string[] languages = ["de", "ar", "uk", "tr"];
        for (var action = 0; action < 150; action++)
        {
            if (random.Next(4) == 0 && booked.Count > 0)
            {
                var appointment = booked[random.Next(booked.Count)];
                booked.Remove(appointment);
                using var cancelled = await PostAsync($"/api/bookings/appointments/{appointment}/cancel", new { });
                cancelled.IsSuccessStatusCode.Should().BeTrue(await cancelled.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
                continue;
            }

            var (service, channel, startsAt) = slots[random.Next(slots.Count)];
            using var response = await PostAsync("/api/bookings/appointments", new
            {
                serviceId = service,
                startsAt,
                channel,
                name = "Anwohner",
                phone = "+49 3605 000000",
                language = languages[random.Next(languages.Length)],
                interpreterNeeded = random.Next(3) == 0,
                consent = new { textVersion = "2026-01", givenAt = DateTimeOffset.UtcNow },
            });
            ((int)response.StatusCode).Should().BeOneOf([201, 409], await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            if (response.StatusCode == HttpStatusCode.Created)
            {
                booked.Add((await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("appointmentId").GetGuid());
            }
        }

        // What Bookings itself holds, day by day.
        var source = new List<JsonElement>();
        for (var day = today.AddDays(1); day <= today.AddDays(3); day = day.AddDays(1))
        {
            source.AddRange((await GetJsonAsync($"/api/bookings/offices/{officeId}/appointments?date={day:yyyy-MM-dd}")).EnumerateArray());
        }

        source.Count.Should().BeGreaterThan(50);
        Dictionary<string, (int Booked, int Cancelled)> By(Func<JsonElement, string> dimension) =>
            source.GroupBy(dimension).ToDictionary(g => g.Key, g => (g.Count(), g.Count(a => a.GetProperty("status").GetString() == "Cancelled")));
        var expected = new
        {
            total = By(_ => "total"),
            byChannel = By(a => a.GetProperty("channel").GetString()!),
            byFieldOfAction = By(a => fieldOfService[a.GetProperty("serviceId").GetGuid()]),
            byLanguage = By(a => a.GetProperty("language").GetString()!),
            byInterpreterNeeded = By(a => a.GetProperty("interpreterNeeded").GetBoolean() ? "yes" : "no"),
        };

        var deadline = DateTime.UtcNow + ArrivalTimeout;
        while (true)
        {
            var report = await GetJsonAsync($"/api/reporting/appointments?officeId={officeId}&period=year&date={today.AddDays(1):yyyy-MM-dd}");
            Dictionary<string, (int Booked, int Cancelled)> Reported(string dimension) =>
                report.GetProperty(dimension).EnumerateArray().ToDictionary(
                    b => b.GetProperty("value").GetString()!,
                    b => (b.GetProperty("figures").GetProperty("booked").GetInt32(), b.GetProperty("figures").GetProperty("cancelled").GetInt32()));
            var total = report.GetProperty("total");
            var actual = new
            {
                total = new Dictionary<string, (int Booked, int Cancelled)> { ["total"] = (total.GetProperty("booked").GetInt32(), total.GetProperty("cancelled").GetInt32()) },
                byChannel = Reported("byChannel"),
                byFieldOfAction = Reported("byFieldOfAction"),
                byLanguage = Reported("byLanguage"),
                byInterpreterNeeded = Reported("byInterpreterNeeded"),
            };
            if (actual.total["total"] == expected.total["total"] || DateTime.UtcNow > deadline)
            {
                actual.Should().BeEquivalentTo(expected);
                break;
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    private async Task<Guid> CreateOfficeAsync()
    {
        var officeId = await PostForIdAsync("/api/offices", OfficeFlowTests.SuedstadtOffice());
        await platform.WaitForAsync<JsonElement>($"/api/engagement/offices/{officeId}", ArrivalTimeout);
        await platform.WaitForAsync<JsonElement>($"/api/reporting/offices/{officeId}", ArrivalTimeout);
        return officeId;
    }

    private static Guid? Pick(Random random, Dictionary<Guid, string> volunteers, params string[] statuses)
    {
        var candidates = volunteers.Where(v => statuses.Contains(v.Value)).Select(v => v.Key).ToList();
        return candidates.Count == 0 ? null : candidates[random.Next(candidates.Count)];
    }

    private async Task ChangeVolunteerAsync(Dictionary<Guid, string> volunteers, Guid volunteer, string verb, string? status)
    {
        using var response = await PostAsync($"/api/engagement/volunteers/{volunteer}/{verb}", new { });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        volunteers[volunteer] = status ?? (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("status").GetString()!;
    }

    private static object SignUp(Guid officeId, int number) => new
    {
        officeId,
        name = $"Freiwillige {number}",
        phone = "+49 5721 000000",
        languages = new[] { "de" },
        skills = Array.Empty<string>(),
        availability = Array.Empty<object>(),
        ageGroup = "Adult",
        consent = true,
        consentTextVersion = "2026-01",
    };

    private static object Event(Guid officeId, DateOnly date, string field, int capacity)
    {
        var startsAt = new DateTimeOffset(date.ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero);
        return new
        {
            officeId,
            fieldOfAction = field,
            texts = new[] { new { language = "de", title = "Nachbarschaftstreff", description = (string?)null } },
            place = "Gemeinschaftsraum",
            startsAt,
            endsAt = startsAt.AddHours(2),
            registrationDeadline = (DateTimeOffset?)null,
            capacity,
        };
    }

    private static object Registration(int people) => new
    {
        name = "Anwohnerin",
        phone = "+49 3605 000000",
        people,
        consent = true,
        consentTextVersion = "2026-01",
    };

    private async Task<HttpResponseMessage> PostAsync(string path, object body) =>
        await Client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, TestContext.Current.CancellationToken);

    private async Task PostOkAsync(string path, object body)
    {
        using var response = await PostAsync(path, body);
        response.IsSuccessStatusCode.Should().BeTrue($"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
    }

    private async Task<Guid> PostForIdAsync(string path, object body)
    {
        using var response = await PostAsync(path, body);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        response.StatusCode.Should().Be(HttpStatusCode.OK, $"{path}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }
}
