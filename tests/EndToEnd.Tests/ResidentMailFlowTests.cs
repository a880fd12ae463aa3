using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using MimeKit;
using Quartier.Testing;

namespace Quartier.EndToEnd.Tests;

/// <summary>A booking made through the gateway is confirmed by e-mail through the AppHost's SMTP sink, and the link in it opens the resident's page.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ResidentMailFlowTests(PlatformFixture platform)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_confirmation_arrives_in_the_residents_language_and_its_link_opens_the_appointment_through_the_gateway()
    {
        var office = await BookableOffice.CreateAsync(platform, $"Stadtteilbüro Post {Guid.NewGuid():N}");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var slot = (await platform.Client.GetFromJsonAsync<List<SlotView>>($"/api/bookings/services/{office.ServiceId}/slots?channel=InPerson&from={today.AddDays(2):yyyy-MM-dd}&to={today.AddDays(4):yyyy-MM-dd}", Cancellation))![0];
        var email = $"yusuf-{Guid.NewGuid():N}@example.org";
        using var booking = await platform.Client.PostAsJsonAsync("/api/bookings/appointments", new
        {
            serviceId = office.ServiceId,
            startsAt = slot.StartsAt,
            channel = "InPerson",
            name = "Yusuf Haddad",
            email,
            language = "ar",
            messageLanguage = "ar",
            consent = new { textVersion = "2026-12-appointments", givenAt = DateTimeOffset.UtcNow },
        }, Cancellation);
        booking.StatusCode.Should().Be(HttpStatusCode.Created);
        var token = (await booking.Content.ReadFromJsonAsync<ConfirmationView>(Cancellation))!.ManagementToken;

        var message = (await SmtpSink.WaitForAsync(platform.MailDirectory, email, timeout: PlatformFixture.ArrivalTimeout)).Should().ContainSingle().Subject;
        message.Body!.Headers[HeaderId.ContentLanguage].Should().Be("ar");
        message.TextBody.Should().Contain("استشارة اجتماعية", "the service's Arabic name").And.Contain(office.Name);
        message.Attachments.Should().ContainSingle(part => part.ContentType.MimeType == "text/calendar");

        var link = new Uri(message.TextBody!.Split('\n').Select(line => line.Trim()).Single(line => line.Contains("/appointment/", StringComparison.Ordinal)));
        link.GetLeftPart(UriPartial.Authority).Should().Be(platform.Gateway.BaseAddress.GetLeftPart(UriPartial.Authority), "links point to the public address");
        link.AbsolutePath.Should().Be($"/appointment/{token}");
        using var browser = new HttpClient();
        using var page = await browser.GetAsync(link, Cancellation);
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync(Cancellation)).Should().Contain(office.Name, "letters are sent as themselves").And.Contain("37327 Leinefelde-Worbis");
    }

    private sealed record SlotView(DateTimeOffset StartsAt, int FreeSeats);

    private sealed record ConfirmationView(Guid AppointmentId, string ManagementToken);
}
