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
}
