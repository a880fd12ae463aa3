using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FluentAssertions;

namespace Quartier.Offices.Tests;

public sealed class OfficeValidationTests(OfficesServiceFixture offices) : IClassFixture<OfficesServiceFixture>
{
    private static readonly string TooLong = new('x', 2001);

    private readonly HttpClient client = offices.Client;

    /// <summary>Each rule: where to break a valid office (a path into its JSON), the bad value, and the field the answer must name.</summary>
    public static TheoryData<string, string, string> BadFields => new()
    {
        { "postalCode", "\"3822\"", "postalCode" },
        { "postalCode", "\"3822a\"", "postalCode" },
        { "postalCode", "null", "postalCode" },
        { "name", "\"\"", "name" },
        { "name", Json(new string('x', 201)), "name" },
        { "kind", Json(new string('x', 101)), "kind" },
        { "street", Json(new string('x', 201)), "street" },
        { "town", Json(new string('x', 101)), "town" },
        { "federalState", "\"DE-XX\"", "federalState" },
        { "timeZone", "\"Mars/Olympus\"", "timeZone" },
        { "latitude", "90.5", "latitude" },
        { "latitude", "-91", "latitude" },
        { "longitude", "180.1", "longitude" },
        { "longitude", "null", "longitude" },
        { "languages", "[\"de\", \"xx\"]", "languages" },
        { "languages", "[\"DE\"]", "languages" },
        { "languages", "[\"deu\"]", "languages" },
        { "fieldsOfAction", "[\"bildung\", \"fliegen\"]", "fieldsOfAction" },
        { "partners.0.role", "\"landlord\"", "partners[0].role" },
        { "partners.0.name", Json(new string('x', 201)), "partners[0].name" },
        { "partners.0.name", "\"\"", "partners[0].name" },
        { "contact.person", Json(new string('x', 201)), "contact.person" },
        { "contact.role", Json(new string('x', 101)), "contact.role" },
        { "contact.phone", "\"call me maybe\"", "contact.phone" },
        { "contact.phone", Json("+49 " + new string('1', 40)), "contact.phone" },
        { "contact.email", "\"not-an-address\"", "contact.email" },
        { "accessibility.notes", Json(TooLong), "accessibility.notes" },
        { "funding.end", "\"2020-12-31\"", "funding.end" },
        { "funding.programme", Json(new string('x', 201)), "funding.programme" },
        { "projectArea.name", "\"\"", "projectArea.name" },
        { "projectArea.population", "-1", "projectArea.population" },
        { "projectArea.boundary", Json(TooLong), "projectArea.boundary" },
        { "projectArea.indicators.0.name", Json(new string('x', 201)), "projectArea.indicators[0].name" },
        { "projectArea.indicators.0.unit", "\"\"", "projectArea.indicators[0].unit" },
        { "projectArea.indicators.0.source", Json(new string('x', 501)), "projectArea.indicators[0].source" },
        { "projectArea.indicators.0.note", Json(TooLong), "projectArea.indicators[0].note" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Registering_with_a_bad_field_is_a_400_naming_it(string path, string badValue, string field)
    {
        var before = (await client.ListAsync("?pageSize=1")).Total;

        using var response = await client.PostAsJsonAsync("/api/offices", With(path, badValue), TestContext.Current.CancellationToken);

        await ShouldNameAsync(response, field);
        (await client.ListAsync("?pageSize=1")).Total.Should().Be(before);
    }

    [Theory]
    [InlineData("postalCode", "\"1234\"", "postalCode")]
    [InlineData("funding.end", "\"2020-12-31\"", "funding.end")]
    [InlineData("projectArea.indicators.0.unit", "\"\"", "projectArea.indicators[0].unit")]
    public async Task Updating_with_a_bad_field_is_a_400_naming_it_and_changes_nothing(string path, string badValue, string field)
    {
        var (office, etag) = await client.RegisterAsync(OfficeApi.Salzgitter());

        using var response = await client.PutAsync(office.Id, With(path, badValue), etag);

        await ShouldNameAsync(response, field);
        (await client.GetAsync(office.Id)).ETag.Should().Be(etag);
    }

    [Fact]
    public async Task Several_bad_fields_are_all_named_in_one_answer()
    {
        var body = With("postalCode", "\"123\"");
        body["languages"] = JsonNode.Parse("[\"xx\"]");
        body["latitude"] = 100;
        body["contact"]!["email"] = "nope";

        using var response = await client.PostAsJsonAsync("/api/offices", body, TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblem>(TestContext.Current.CancellationToken))!;
        problem.Errors.Keys.Should().BeEquivalentTo(["postalCode", "languages", "latitude", "contact.email"]);
    }

    private static async Task ShouldNameAsync(HttpResponseMessage response, string field)
    {
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblem>(TestContext.Current.CancellationToken))!;
        problem.Errors.Keys.Should().Equal(field);
    }

    /// <summary>The valid office with the value at <paramref name="path"/> (dots, numbers index arrays) replaced.</summary>
    private static JsonObject With(string path, string value)
    {
        var body = OfficeApi.SalzgitterJson();
        var segments = path.Split('.');
        JsonNode parent = body;
        foreach (var segment in segments[..^1])
        {
            parent = int.TryParse(segment, out var index) ? parent[index]! : parent[segment]!;
        }

        parent[segments[^1]] = JsonNode.Parse(value);
        return body;
    }

    private static string Json(string text) => JsonValue.Create(text).ToJsonString();
}
