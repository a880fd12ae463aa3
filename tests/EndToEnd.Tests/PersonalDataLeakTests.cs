using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Quartier.Testing;

namespace Quartier.EndToEnd.Tests;

/// <summary>
/// What residents give the offices stays in the one service that needs it: a resident with a name,
/// phone, e-mail and topic no one else has goes through every flow, staff read the data, and then
/// every process's console output, everything the dashboard received (spans and structured logs),
/// every message the services published on the broker and everything reporting stored are searched for them —
/// and for the resident's secret link.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class PersonalDataLeakTests(PlatformFixture platform) : BrowserTests(platform)
{
    [Fact]
    public async Task No_name_phone_e_mail_topic_or_secret_link_of_a_resident_reaches_logs_telemetry_published_messages_or_reporting()
    {
        var marker = Guid.NewGuid().ToString("N")[..10];
        var name = $"Zelmira Quxleak{marker}";
        var digits = string.Create(CultureInfo.InvariantCulture, $"{Random.Shared.Next(1_000_000, 9_999_999)}");
        var phone = $"0176 {digits}";
        var email = $"quxleak.{marker}@example.org";
        var topic = $"Quxtopic{marker}";
        var office = await BookableOffice.CreateAsync(Platform, $"Stadtteilbüro Datenschutz {Guid.NewGuid():N}", $"buero-{marker}@example.org");
        await Platform.WaitForAsync<OfficeView>($"/api/engagement/offices/{office.OfficeId}", PlatformFixture.ArrivalTimeout);
        await using var published = await MessageTap.StartAsync(Platform.RabbitMq.ConnectionString, Cancellation);

        // An appointment on the pages, its page, its data.
        var page = await NewPageAsync("de-DE");
        await page.GotoAsync(Address($"/book/{office.ServiceId}?channel=Phone"));
        await page.Locator("ul.times a").First.ClickAsync();
        await page.Locator("#name").FillAsync(name);
        await page.Locator("#phone").FillAsync(phone);
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#topic").FillAsync(topic);
        await page.Locator("#consent").CheckAsync();
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/appointment/**");
        var token = new Uri(page.Url).AbsolutePath.Split('/')[2];
        await page.GotoAsync(Address($"/appointment/{token}/my-data"));
        (await page.Locator("dl").InnerTextAsync()).Should().Contain(name);

        // A callback, an event registration, a volunteer sign-up and a barrier report through the gateway.
        using var resident = new HttpClient { BaseAddress = Platform.Gateway.BaseAddress };
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2));
        var windows = (await resident.GetFromJsonAsync<List<WindowView>>($"/api/bookings/offices/{office.OfficeId}/callback-windows?from={day:yyyy-MM-dd}&to={day.AddDays(3):yyyy-MM-dd}", Cancellation))!;
        (await resident.PostAsJsonAsync($"/api/bookings/offices/{office.OfficeId}/callbacks", new
        {
            windowStartsAt = windows[0].StartsAt, phone, language = "de", topic, email,
            consent = new { textVersion = "2026-12-appointments", givenAt = DateTimeOffset.UtcNow },
        }, Cancellation)).EnsureSuccessStatusCode();
        var startsAt = DateTimeOffset.UtcNow.AddDays(9);
        using var scheduled = await Platform.Client.PostAsJsonAsync($"/api/engagement/offices/{office.OfficeId}/events", new
        {
            fieldOfAction = "zusammenleben",
            texts = new[] { new { language = "de", title = "Hoffest", description = (string?)null } },
            place = "Hof", startsAt, endsAt = startsAt.AddHours(2), capacity = 5,
        }, Cancellation);
        scheduled.EnsureSuccessStatusCode();
        var eventId = (await scheduled.Content.ReadFromJsonAsync<IdView>(Cancellation))!.Id;
        (await resident.PostAsJsonAsync($"/api/engagement/events/{eventId}/registrations", new
        {
            name, email, phone, people = 2, consent = true, consentTextVersion = "2026-12-events",
        }, Cancellation)).EnsureSuccessStatusCode();
        using var volunteered = await resident.PostAsJsonAsync($"/api/engagement/offices/{office.OfficeId}/volunteers", new
        {
            name, email, phone, languages = new[] { "de" }, skills = new[] { topic }, availability = Array.Empty<object>(),
            ageGroup = "Adult", consent = true, consentTextVersion = "2026-12-volunteers",
        }, Cancellation);
        volunteered.EnsureSuccessStatusCode();
        var volunteerToken = (await volunteered.Content.ReadFromJsonAsync<VolunteerLink>(Cancellation))!.ManagementToken;
        await page.GotoAsync(Address($"/volunteer/{volunteerToken}/my-data"));
        (await page.Locator("dl").InnerTextAsync()).Should().Contain(name);
        (await resident.PostAsJsonAsync($"/api/offices/{office.OfficeId}/accessibility-feedback", new { message = $"Barriere {topic}", email, phone }, Cancellation))
            .EnsureSuccessStatusCode();

        // Staff read it all.
        (await Platform.Client.GetStringAsync(new Uri($"/api/bookings/offices/{office.OfficeId}/callbacks/queue", UriKind.Relative), Cancellation)).Should().Contain(topic);
        (await Platform.Client.GetStringAsync(new Uri($"/api/engagement/events/{eventId}/registrations", UriKind.Relative), Cancellation)).Should().Contain(name);
        (await Platform.Client.GetStringAsync(new Uri($"/api/engagement/offices/{office.OfficeId}/volunteers", UriKind.Relative), Cancellation)).Should().Contain(name);

        // Telemetry leaves in batches every few seconds; published messages within a second.
        await Task.Delay(TimeSpan.FromSeconds(10), Cancellation);
        // The phone as written or normalised, but not seven digits inside a timestamp or an id, which telemetry is full of.
        Regex[] secrets =
        [
            .. new[] { name, $"Quxleak{marker}", email, topic, token, volunteerToken }.Select(secret => new Regex(Regex.Escape(secret))),
            new Regex($@"(?<!\d)(?:\+?49|0)?176 ?{digits}(?!\d)"),
        ];
        var places = new Dictionary<string, string>
        {
            ["the dashboard (spans and structured logs)"] = await Platform.Telemetry.EverythingReceivedAsync(Cancellation),
            ["console output of every process"] = await ConsoleOutputAsync(),
        };
        places["every message the services published"] = published.Received;
        places["everything reporting stored"] = await DatabaseText.EveryRowAsync(Platform.Databases["reporting"], Cancellation);
        places["the dashboard (spans and structured logs)"].Should().Contain(office.OfficeId.ToString(), "the search reaches the telemetry of this test's requests");
        places["every message the services published"].Should().Contain(eventId.ToString(), "the tap hears this test's events").And.Contain("AppointmentBooked");
        var leaks = from place in places
                    from secret in secrets
                    let found = secret.Match(place.Value)
                    where found.Success
                    select $"{place.Key}: …{Around(place.Value, found.Index)}…";
        leaks.Should().BeEmpty("nothing a resident gave reaches any of these places");
    }

    private static string Around(string text, int at)
    {
        var start = Math.Max(0, at - 300);
        return text[start..Math.Min(text.Length, at + 200)];
    }

    private async Task<string> ConsoleOutputAsync()
    {
        var logs = Platform.App.Services.GetRequiredService<ResourceLoggerService>();
        var model = Platform.App.Services.GetRequiredService<DistributedApplicationModel>();
        var output = new StringBuilder();
        foreach (var resource in model.Resources.OfType<ProjectResource>())
        {
            await foreach (var batch in logs.GetAllAsync(resource).WithCancellation(Cancellation))
            {
                foreach (var line in batch)
                {
                    output.AppendLine(line.Content);
                }
            }
        }

        return output.ToString();
    }

    private sealed record WindowView(DateTimeOffset StartsAt);

    private sealed record IdView(Guid Id);

    private sealed record VolunteerLink(string ManagementToken);
}
