using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using Quartier.Contracts.Offices;
using Quartier.Offices.Directory;
using Quartier.Testing;

namespace Quartier.Offices.Tests;

public sealed class OfficeRegistrationTests(OfficesServiceFixture offices) : IClassFixture<OfficesServiceFixture>
{
    private readonly HttpClient client = offices.Client;

    [Fact]
    public async Task Registering_an_office_publishes_OfficeRegistered_with_its_public_data_and_project_area()
    {
        await using var probe = await EventProbe.StartAsync<OfficeRegistered>(offices.Service.MessagingConnectionString, TestContext.Current.CancellationToken);

        using var response = await client.PostAsJsonAsync("/api/offices", OfficeApi.Salzgitter(), TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        response.Headers.ETag.Should().NotBeNull();
        var office = (await response.Content.ReadFromJsonAsync<OfficeResponse>(TestContext.Current.CancellationToken))!;
        office.Status.Should().Be(OfficeStatus.Active);
        office.ProjectArea!.Indicators.Should().HaveCount(2);
        var published = await probe.WaitForAsync(e => e.OfficeId == office.Id, TimeSpan.FromSeconds(10));
        published.Message.Should().BeEquivalentTo(new
        {
            office.Name,
            Kind = "Koordinierungsbüro",
            Street = "Berliner Straße 92",
            PostalCode = "38226",
            Town = "Salzgitter",
            FederalState = "DE-NI",
            TimeZone = "Europe/Berlin",
            Latitude = 52.1550,
            Longitude = 10.3330,
            Languages = new[] { "de", "ar" },
            FieldsOfAction = new[] { "bildung", "zusammenleben" },
            Funding = new { Programme = "Sozialer Zusammenhalt", Start = new DateOnly(2021, 1, 1), End = new DateOnly(2025, 12, 31) },
        });
        published.Message.Partners.Should().ContainEquivalentOf(new { Name = "TAG Wohnen und Service GmbH", Role = "housing-company", Operates = true });
        published.Message.ProjectArea!.Population.Should().Be(4200);
        published.Message.ProjectArea.Indicators.Should().ContainEquivalentOf(
            new { Name = "Ausländische Bewohner*innen", AreaValue = 44m, TownValue = 24m, Unit = "%", AsOf = new DateOnly(2016, 12, 31) });
        published.MessageId.Should().NotBeNull();
    }

    [Fact]
    public async Task The_event_carries_no_contact_person_phone_or_email()
    {
        await using var registered = await EventProbe.StartAsync<OfficeRegistered>(offices.Service.MessagingConnectionString, TestContext.Current.CancellationToken);

        var (office, _) = await client.RegisterAsync(OfficeApi.Salzgitter());

        var published = await registered.WaitForAsync(e => e.OfficeId == office.Id, TimeSpan.FromSeconds(10));
        var body = System.Text.Encoding.UTF8.GetString(published.ReceiveContext.Body.GetBytes());
        body.Should().Contain("Salzgitter", "this is the message as it travelled");
        body.Should().NotContain("Markus Meyer").And.NotContain("koordinierung@example.org").And.NotContain("123456");
        office.Contact!.Person.Should().Be("Markus Meyer", "the office's public contact is shown in the directory");
    }

    [Fact]
    public async Task An_office_needs_only_address_kind_and_federal_state_and_defaults_the_time_zone()
    {
        var (office, _) = await client.RegisterAsync(new OfficeRequest(
            "Stadtteilbüro Südstadt", "Stadtteilbüro", "Käthe-Kollwitz-Straße 20", "37327", "Leinefelde-Worbis", "DE-TH"));

        var (shown, _) = await client.GetAsync(office.Id);
        shown.TimeZone.Should().Be("Europe/Berlin");
        shown.Languages.Should().BeEmpty();
        shown.Partners.Should().BeEmpty();
        shown.ProjectArea.Should().BeNull();
    }

    [Fact]
    public async Task A_double_submit_with_one_idempotency_key_creates_one_office_and_answers_the_same()
    {
        var key = Guid.NewGuid().ToString();
        var before = await CountAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/offices") { Content = JsonContent.Create(OfficeApi.Salzgitter()) };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }));

        answers.Should().OnlyContain(answer => answer.StatusCode == HttpStatusCode.Created);
        answers.Select(answer => answer.Body).Distinct().Should().ContainSingle();
        (await CountAsync()).Should().Be(before + 1);
    }

    [Fact]
    public async Task Reusing_an_idempotency_key_for_a_different_office_is_refused()
    {
        var key = Guid.NewGuid().ToString();
        using var first = await PostWithKeyAsync(key, OfficeApi.Salzgitter());
        using var second = await PostWithKeyAsync(key, OfficeApi.Salzgitter() with { Name = "Ein anderes Büro" });

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        second.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task An_unknown_office_is_a_404_problem()
    {
        using var response = await client.GetAsync(new Uri($"/api/offices/{Guid.NewGuid()}", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task The_OpenAPI_document_names_every_office_operation_and_describes_the_office()
    {
        using var raw = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);
        raw.IsSuccessStatusCode.Should().BeTrue(await raw.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var document = (await raw.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;

        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => operation.Value!["operationId"]?.GetValue<string>()))
            .ToList();
        operations.Should().Contain(["ListOffices", "GetOffice", "RegisterOffice", "UpdateOffice", "CloseOffice"]);
        var schemas = document["components"]!["schemas"]!.AsObject();
        schemas["OfficeRequest"]!["properties"]!.AsObject().Select(p => p.Key)
            .Should().Contain(["postalCode", "latitude", "languages", "fieldsOfAction", "funding", "projectArea"]);
        schemas["AreaIndicator"]!["properties"]!.AsObject().Select(p => p.Key)
            .Should().Contain(["areaValue", "townValue", "unit", "source", "asOf"]);
    }

    private async Task<HttpResponseMessage> PostWithKeyAsync(string key, OfficeRequest body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/offices") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private async Task<int> CountAsync() => (await client.ListAsync("?pageSize=1")).Total;
}
