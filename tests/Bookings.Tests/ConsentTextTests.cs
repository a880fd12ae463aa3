using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Quartier.Bookings.Privacy;
using Quartier.Bookings.Tests.Support;
using Quartier.ServiceDefaults.Privacy;
using Quartier.Testing;

namespace Quartier.Bookings.Tests;

/// <summary>The consent text residents agree to is a versioned document the API serves, and a booking names the version and language the resident saw.</summary>
public sealed class ConsentTextTests(PlatformInfrastructure platform) : IAsyncLifetime
{
    private BookingsHost host = null!;

    public async ValueTask InitializeAsync() => host = await BookingsHost.StartAsync(platform);

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Anyone_reads_the_current_text_in_their_language_or_in_German_and_any_version_by_its_name()
    {
        var arabic = await host.Anonymous.GetOkAsync<ConsentText>("/api/bookings/consent-texts/appointments?language=ar");
        arabic.Should().BeEquivalentTo(new { Purpose = "appointments", Version = "2026-12-b-appointments", Language = "ar" }, "the latest version already valid is the current one");
        arabic.Title.Should().Be("المواعيد ومعاودة الاتصال");
        arabic.Paragraphs.Should().HaveCount(6);
        arabic.Languages.Should().BeEquivalentTo("de", "de-x-ls", "en", "ar", "fa", "tr", "ru", "uk");

        var unpublished = await host.Anonymous.GetOkAsync<ConsentText>("/api/bookings/consent-texts/appointments?language=ku");
        (unpublished.Language, unpublished.Title).Should().Be(("de", "Termine und Rückrufe"), "a language the text was not published in reads the German one");

        var earlier = await host.Anonymous.GetOkAsync<ConsentText>("/api/bookings/consent-texts/appointments/2026-12-appointments?language=de-x-ls");
        (earlier.Language, earlier.Paragraphs.Count).Should().Be(("de-x-ls", 4), "an earlier version stays readable as it was published");
        foreach (var missing in new[] { "/api/bookings/consent-texts/volunteers", "/api/bookings/consent-texts/appointments/1999-01" })
        {
            using var answer = await host.Anonymous.GetAsync(new Uri(missing, UriKind.Relative), Cancellation);
            answer.StatusCode.Should().Be(HttpStatusCode.NotFound, $"{missing} is no text Bookings publishes");
        }
    }

    [Fact]
    public async Task A_booking_naming_a_version_that_does_not_exist_or_a_language_it_was_not_published_in_is_refused_at_the_field_and_one_naming_no_time_is_noted_on_arrival()
    {
        var office = await host.RegisterOfficeAsync("DE-NI");
        await host.OpenAlwaysAsync(office, new DateOnly(2020, 1, 1));
        var service = await host.CreateServiceAsync(office);
        var slot = await host.FreeSlotAsync(service.Id, TimeSpan.FromHours(3));
        var booking = Requests.Booking(service.Id, slot.StartsAt);

        foreach (var (consent, says) in new[]
        {
            (booking.Consent! with { TextVersion = "2025-01-appointments" }, "has no version '2025-01-appointments'"),
            (booking.Consent! with { Language = "ku" }, "not in 'ku'"),
        })
        {
            using var refused = await host.Client.BookAsync(booking with { Consent = consent });
            refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("errors").EnumerateObject().ToList();
            errors.Should().ContainSingle().Which.Should().Match<JsonProperty>(field =>
                field.Name.Equals("consent.textVersion", StringComparison.OrdinalIgnoreCase) && field.Value[0].GetString()!.Contains(says, StringComparison.Ordinal));
        }

        var day = DateOnly.FromDateTime(slot.StartsAt.UtcDateTime);
        (await host.Client.SlotsAsync(service.Id, day.AddDays(-1), day.AddDays(1)))
            .Should().Contain(s => s.StartsAt == slot.StartsAt, "the refused bookings took nothing");

        // A form sends no time: the consent is noted when it arrives, so the same form sent twice is the same request.
        var booked = await host.Anonymous.BookOkAsync(booking with { Consent = new ConsentRequest("2026-12-appointments", Language: "ar") });
        var stored = await host.Anonymous.GetOkAsync<AppointmentData>($"{booked.ManagementUrl}/personal-data");
        stored.Resident.Should().BeEquivalentTo(new { ConsentTextVersion = "2026-12-appointments", ConsentLanguage = "ar" });
        stored.Resident!.ConsentGivenAt.Should().BeCloseTo(host.Clock.GetUtcNow(), TimeSpan.FromSeconds(5));
    }
}
