using System.Net;
using System.Net.Http.Json;
using FluentAssertions;

namespace Quartier.EndToEnd.Tests;

/// <summary>Residents find offices by what they help with: the finder's topic filter, through the gateway.</summary>
[Collection(PlatformCollection.Name)]
public sealed class OfficeFinderTests(PlatformFixture platform)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_finder_lists_the_offices_helping_with_the_chosen_topic_and_no_others()
    {
        var name = $"Bildungsbüro {Guid.NewGuid():N}";
        using var created = await platform.Client.PostAsJsonAsync("/api/offices", new
        {
            name,
            kind = "Stadtteilbüro",
            street = "Schulstraße 1",
            postalCode = "37327",
            town = "Leinefelde-Worbis",
            federalState = "DE-TH",
            fieldsOfAction = new[] { "bildung", "sport-freizeit" },
        }, Cancellation);
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        using var browser = new HttpClient { BaseAddress = platform.Gateway.BaseAddress };

        var schooling = await browser.GetStringAsync(new Uri($"/?q={Uri.EscapeDataString(name)}&fieldOfAction=bildung", UriKind.Relative), Cancellation);
        var housing = await browser.GetStringAsync(new Uri($"/?q={Uri.EscapeDataString(name)}&fieldOfAction=wohnen", UriKind.Relative), Cancellation);
        var unknownTopic = await browser.GetStringAsync(new Uri($"/?q={Uri.EscapeDataString(name)}&fieldOfAction=%3Cscript%3E", UriKind.Relative), Cancellation);

        schooling.Should().Contain(name).And.Contain("<option value=\"bildung\" selected>", "the chosen topic stays chosen");
        housing.Should().NotContain($">{name}</a>", "it does not help with housing");
        unknownTopic.Should().Contain(name, "an unknown topic filters nothing").And.NotContain("<script>");
    }

    [Fact]
    public async Task Open_now_lists_only_the_offices_open_at_this_moment_each_with_its_closing_time()
    {
        var alwaysOpen = await BookableOffice.CreateAsync(platform, $"Immer offen {Guid.NewGuid():N}");
        var neverOpen = await BookableOffice.CreateAsync(platform, $"Nie offen {Guid.NewGuid():N}");
        (await platform.Client.DeleteAsync(new Uri($"/api/bookings/offices/{neverOpen.OfficeId}/opening-hours/plans/2020-01-01", UriKind.Relative), Cancellation)).EnsureSuccessStatusCode();
        using var browser = new HttpClient { BaseAddress = platform.Gateway.BaseAddress };

        var all = await browser.GetStringAsync(new Uri("/?q=offen", UriKind.Relative), Cancellation);
        var openNow = await browser.GetStringAsync(new Uri("/?q=offen&openNow=true", UriKind.Relative), Cancellation);

        all.Should().Contain(alwaysOpen.Name).And.Contain(neverOpen.Name);
        openNow.Should().Contain(alwaysOpen.Name).And.NotContain(neverOpen.Name).And.Contain("Jetzt geöffnet, bis 23:59");
        openNow.Should().Contain("id=\"open-now\" name=\"openNow\" value=\"true\" checked", "the choice stays made");
    }
}
