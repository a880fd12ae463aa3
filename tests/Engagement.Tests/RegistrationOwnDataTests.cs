using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartier.Engagement.Data;
using Quartier.ServiceDefaults.Mail;
using Quartier.Testing;

namespace Quartier.Engagement.Tests;

/// <summary>A registered resident's own data by the management link: their copy, and erasure at once.</summary>
public sealed class RegistrationOwnDataTests(PlatformInfrastructure platform) : IAsyncLifetime
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
    public async Task The_copy_holds_the_registration_and_nothing_of_others_and_erasing_leaves_an_anonymous_registration_and_a_dead_link()
    {
        var festival = await host.ScheduleEventAsync(officeId, capacity: 10);
        var mine = await RegisterAsync(festival.Id, new { name = "Rania Haddad", email = "rania.haddad@example.org", people = 3, consent = true, consentTextVersion = "2026-12-events", messageLanguage = "ar" });
        await RegisterAsync(festival.Id, new { name = "Olena Koval", phone = "+49 3605 777666", people = 1, consent = true, consentTextVersion = "2026-12-events" });

        using var exported = await host.Client.GetAsync(new Uri($"{ManagePath}/{mine.ManagementToken}/personal-data", UriKind.Relative), Cancellation);
        var text = await exported.Content.ReadAsStringAsync(Cancellation);

        exported.StatusCode.Should().Be(HttpStatusCode.OK);
        var copy = JsonDocument.Parse(text).RootElement;
        copy.GetProperty("name").GetString().Should().Be("Rania Haddad");
        copy.GetProperty("email").GetString().Should().Be("rania.haddad@example.org");
        copy.GetProperty("people").GetInt32().Should().Be(3);
        copy.GetProperty("messageLanguage").GetString().Should().Be("ar");
        copy.GetProperty("consentTextVersion").GetString().Should().Be("2026-12-events");
        copy.GetProperty("status").GetString().Should().Be("Confirmed");
        text.Should().NotContain("Olena").And.NotContain("777666");

        using var erased = await host.Client.DeleteAsync(new Uri($"{ManagePath}/{mine.ManagementToken}/personal-data", UriKind.Relative), Cancellation);
        using var again = await host.Client.DeleteAsync(new Uri($"{ManagePath}/{mine.ManagementToken}/personal-data", UriKind.Relative), Cancellation);

        erased.StatusCode.Should().Be(HttpStatusCode.OK);
        again.StatusCode.Should().Be(HttpStatusCode.OK);
        (await again.Content.ReadAsStringAsync(Cancellation)).Should().Be(await erased.Content.ReadAsStringAsync(Cancellation), "erasing again answers the same");
        foreach (var path in new[] { $"{ManagePath}/{mine.ManagementToken}", $"{ManagePath}/{mine.ManagementToken}/personal-data" })
        {
            using var opened = await host.Client.GetAsync(new Uri(path, UriKind.Relative), Cancellation);
            opened.StatusCode.Should().Be(HttpStatusCode.NotFound, $"{path} opens nothing once erased");
        }

        await using var scope = host.Service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EngagementDbContext>();
        var stored = await db.Registrations.AsNoTracking().SingleAsync(r => r.Id == mine.Id, Cancellation);
        (stored.Name, stored.Email, stored.Phone).Should().Be((null, null, null));
        stored.People.Should().Be(3, "the seats stay taken and the event's counts do not change");
        (await db.Set<OutgoingMail>().AnyAsync(mail => mail.About == mine.Id && (mail.Recipient != null || mail.Content != null), Cancellation)).Should().BeFalse();
        (await DatabaseText.RowsContainingAsync(db.Database.GetConnectionString()!, ["Rania Haddad", "rania.haddad@example.org"], Cancellation))
            .Should().BeEmpty("nothing she gave is left in any table");
        var scheduled = await host.Client.GetFromJsonAsync<JsonElement>($"/api/engagement/events/{festival.Id}", Cancellation);
        scheduled.GetProperty("freeSeats").GetInt32().Should().Be(6);
    }

    private const string ManagePath = "/api/engagement/registrations/manage";

    private async Task<Registered> RegisterAsync(Guid eventId, object body)
    {
        using var response = await host.Client.PostAsJsonAsync($"/api/engagement/events/{eventId}/registrations", body, Cancellation);
        await Json.EnsureStatusAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<Registered>(Cancellation))!;
    }

    private sealed record Registered(Guid Id, string ManagementToken);
}
