using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using Quartier.Contracts.Offices;
using Quartier.Offices.Directory;
using Quartier.Testing;

namespace Quartier.Offices.Tests;

public sealed class OfficeCloseTests(OfficesServiceFixture offices) : IClassFixture<OfficesServiceFixture>
{
    private readonly HttpClient client = offices.Client;

    [Fact]
    public async Task Closing_an_office_marks_it_closed_and_publishes_OfficeClosed()
    {
        await using var probe = await EventProbe.StartAsync<OfficeClosed>(offices.Service.MessagingConnectionString, TestContext.Current.CancellationToken);
        var (office, etag) = await client.RegisterAsync(OfficeApi.Salzgitter());

        using var response = await client.CloseAsync(office.Id, etag);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var closed = (await response.Content.ReadFromJsonAsync<OfficeResponse>(TestContext.Current.CancellationToken))!;
        closed.Status.Should().Be(OfficeStatus.Closed);
        closed.ClosedAt.Should().NotBeNull();
        var (shown, _) = await client.GetAsync(office.Id);
        shown.Status.Should().Be(OfficeStatus.Closed);
        var published = await probe.WaitForAsync(e => e.OfficeId == office.Id, TimeSpan.FromSeconds(10));
        published.Message.ClosedAt.Should().Be(closed.ClosedAt!.Value);
    }

    [Fact]
    public async Task A_closed_office_leaves_the_list_unless_closed_ones_are_asked_for()
    {
        var (office, _) = await client.RegisterAsync(OfficeApi.Salzgitter() with { Name = "Schließt bald" });
        (await client.ListAsync("?q=Schließt")).Items.Should().ContainSingle(o => o.Id == office.Id);

        using var response = await client.CloseAsync(office.Id);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.ListAsync("?q=Schließt")).Items.Should().BeEmpty();
        (await client.ListAsync("?q=Schließt&includeClosed=true")).Items.Should().ContainSingle(o => o.Id == office.Id && o.Status == OfficeStatus.Closed);
    }

    [Fact]
    public async Task Closing_a_closed_office_is_a_409_and_publishes_nothing_more()
    {
        await using var probe = await EventProbe.StartAsync<OfficeClosed>(offices.Service.MessagingConnectionString, TestContext.Current.CancellationToken);
        var (office, _) = await client.RegisterAsync(OfficeApi.Salzgitter());
        using var first = await client.CloseAsync(office.Id);
        await probe.WaitForAsync(e => e.OfficeId == office.Id, TimeSpan.FromSeconds(10));

        using var second = await client.CloseAsync(office.Id);

        second.StatusCode.Should().Be(HttpStatusCode.Conflict);
        second.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        probe.Received.Count(e => e.Message.OfficeId == office.Id).Should().Be(1);
    }

    [Fact]
    public async Task A_closed_office_cannot_be_edited()
    {
        var (office, _) = await client.RegisterAsync(OfficeApi.Salzgitter());
        using var close = await client.CloseAsync(office.Id);
        var closedETag = close.Headers.ETag!.ToString();

        using var response = await client.PutAsync(office.Id, OfficeApi.Salzgitter() with { Name = "Wieder offen?" }, closedETag);

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await client.GetAsync(office.Id)).Office.Name.Should().Be("Koordinierungsbüro Salzgitter");
    }

    [Fact]
    public async Task Closing_with_a_stale_ETag_is_a_412_and_the_office_stays_open()
    {
        var (office, stale) = await client.RegisterAsync(OfficeApi.Salzgitter());
        using var update = await client.PutAsync(office.Id, OfficeApi.Salzgitter() with { Name = "Neu benannt" }, stale);
        update.StatusCode.Should().Be(HttpStatusCode.OK);

        using var response = await client.CloseAsync(office.Id, stale);

        response.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        (await client.GetAsync(office.Id)).Office.Status.Should().Be(OfficeStatus.Active);
    }

    [Fact]
    public async Task Closing_an_unknown_office_is_a_404()
    {
        using var response = await client.CloseAsync(Guid.NewGuid());

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
