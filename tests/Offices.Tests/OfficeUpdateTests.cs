using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using Quartier.Contracts.Offices;
using Quartier.Offices.Directory;
using Quartier.Testing;

namespace Quartier.Offices.Tests;

public sealed class OfficeUpdateTests(OfficesServiceFixture offices) : IClassFixture<OfficesServiceFixture>
{
    private readonly HttpClient client = offices.Client;

    [Fact]
    public async Task An_update_with_the_current_ETag_changes_the_office_and_publishes_OfficeUpdated()
    {
        await using var probe = await EventProbe.StartAsync<OfficeUpdated>(offices.Service.MessagingConnectionString, TestContext.Current.CancellationToken);
        var (office, _) = await client.RegisterAsync(OfficeApi.Salzgitter());
        var (_, etag) = await client.GetAsync(office.Id);
        var changed = OfficeApi.Salzgitter() with
        {
            Languages = ["de", "ar", "tr"],
            ProjectArea = OfficeApi.Salzgitter().ProjectArea! with { Population = 4350 },
        };

        using var response = await client.PutAsync(office.Id, changed, etag);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.ETag!.ToString().Should().NotBe(etag);
        var (shown, shownETag) = await client.GetAsync(office.Id);
        shownETag.Should().Be(response.Headers.ETag.ToString());
        shown.Languages.Should().Equal("de", "ar", "tr");
        shown.ProjectArea!.Population.Should().Be(4350);
        shown.UpdatedAt.Should().NotBeNull();
        var published = await probe.WaitForAsync(e => e.OfficeId == office.Id, TimeSpan.FromSeconds(10));
        published.Message.Languages.Should().Equal("de", "ar", "tr");
        published.Message.ProjectArea!.Population.Should().Be(4350);
        published.Message.ProjectArea.Indicators.Should().HaveCount(2);
    }

    [Fact]
    public async Task An_update_with_a_stale_ETag_is_a_412_and_keeps_the_other_change()
    {
        var (office, loadedByBoth) = await client.RegisterAsync(OfficeApi.Salzgitter());
        using var first = await client.PutAsync(office.Id, OfficeApi.Salzgitter() with { Name = "Koordinierungsbüro Berliner Straße" }, loadedByBoth);
        first.StatusCode.Should().Be(HttpStatusCode.OK);

        using var second = await client.PutAsync(office.Id, OfficeApi.Salzgitter() with { Kind = "Treffpunkt" }, loadedByBoth);

        second.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        second.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var (shown, _) = await client.GetAsync(office.Id);
        shown.Name.Should().Be("Koordinierungsbüro Berliner Straße");
        shown.Kind.Should().Be("Koordinierungsbüro");
    }

    [Fact]
    public async Task An_update_with_the_current_ETag_made_weak_is_a_412_because_If_Match_compares_strongly()
    {
        var (office, etag) = await client.RegisterAsync(OfficeApi.Salzgitter());

        using var response = await client.PutAsync(office.Id, OfficeApi.Salzgitter() with { Kind = "Treffpunkt" }, "W/" + etag);

        response.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        (await client.GetAsync(office.Id)).Office.Kind.Should().Be("Koordinierungsbüro");
    }

    [Fact]
    public async Task An_update_without_If_Match_is_a_428_and_changes_nothing()
    {
        var (office, etag) = await client.RegisterAsync(OfficeApi.Salzgitter());

        using var response = await client.PutAsync(office.Id, OfficeApi.Salzgitter() with { Name = "Ohne Vorbedingung" }, ifMatch: null);

        response.StatusCode.Should().Be((HttpStatusCode)428);
        var problem = (await response.Content.ReadFromJsonAsync<Problem>(TestContext.Current.CancellationToken))!;
        problem.Status.Should().Be(428);
        (await client.GetAsync(office.Id)).ETag.Should().Be(etag);
    }

    [Fact]
    public async Task Of_two_simultaneous_updates_from_one_version_exactly_one_wins()
    {
        var (office, etag) = await client.RegisterAsync(OfficeApi.Salzgitter());

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            using var response = await client.PutAsync(office.Id, OfficeApi.Salzgitter() with { Name = $"Fassung {i}" }, etag);
            return response.StatusCode;
        }));

        answers.Count(status => status == HttpStatusCode.OK).Should().Be(1);
        answers.Where(status => status != HttpStatusCode.OK).Should().OnlyContain(status => status == HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Updating_an_unknown_office_is_a_404()
    {
        using var response = await client.PutAsync(Guid.NewGuid(), OfficeApi.Salzgitter(), "\"1\"");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
