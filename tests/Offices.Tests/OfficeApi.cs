using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Quartier.Offices.Directory;

namespace Quartier.Offices.Tests;

/// <summary>What a staff client does with the office API, and example offices to do it with.</summary>
internal static class OfficeApi
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static OfficeRequest Salzgitter() => new(
        "Koordinierungsbüro Salzgitter", "Koordinierungsbüro", "Berliner Straße 92", "38226", "Salzgitter", "DE-NI",
        Latitude: 52.1550, Longitude: 10.3330,
        Partners: [new("Stadt Salzgitter", "town", true), new("TAG Wohnen und Service GmbH", "housing-company", true), new("Diakonie", "welfare-organisation", true)],
        Contact: new("Markus Meyer", "Ansprechpartner", "+49 5341 123456", "koordinierung@example.org"),
        Languages: ["de", "ar"],
        Accessibility: new(true, false, null, "Eingang ebenerdig von der Berliner Straße"),
        FieldsOfAction: ["bildung", "zusammenleben"],
        Funding: new("Sozialer Zusammenhalt", new DateOnly(2021, 1, 1), new DateOnly(2025, 12, 31)),
        ProjectArea: new("Obere Berliner Straße", 4200, "Rund um die obere Berliner Straße",
        [
            new("Ausländische Bewohner*innen", 44m, 24m, "%", "Stadt Salzgitter", new DateOnly(2016, 12, 31), null),
            new("Anteil Kinder (bis 14 Jahre)", 15m, 12m, "%", "Stadt Salzgitter", new DateOnly(2016, 12, 31), null),
        ]));

    /// <summary>A complete valid office as JSON, for tests that break one field of it.</summary>
    public static JsonObject SalzgitterJson() => JsonNode.Parse("""
        {
          "name": "Koordinierungsbüro Salzgitter",
          "kind": "Koordinierungsbüro",
          "street": "Berliner Straße 92",
          "postalCode": "38226",
          "town": "Salzgitter",
          "federalState": "DE-NI",
          "timeZone": "Europe/Berlin",
          "latitude": 52.155,
          "longitude": 10.333,
          "partners": [ { "name": "Stadt Salzgitter", "role": "town", "operates": true } ],
          "contact": { "person": "Markus Meyer", "role": "Ansprechpartner", "phone": "+49 5341 123456", "email": "koordinierung@example.org" },
          "languages": [ "de", "ar" ],
          "accessibility": { "stepFreeEntrance": true, "accessibleToilet": false, "hearingLoop": null, "notes": "ebenerdig" },
          "fieldsOfAction": [ "bildung", "zusammenleben" ],
          "funding": { "programme": "Sozialer Zusammenhalt", "start": "2021-01-01", "end": "2025-12-31" },
          "projectArea": {
            "name": "Obere Berliner Straße",
            "population": 4200,
            "boundary": "Rund um die obere Berliner Straße",
            "indicators": [ { "name": "Ausländische Bewohner*innen", "areaValue": 44, "townValue": 24, "unit": "%", "source": "Stadt Salzgitter", "asOf": "2016-12-31", "note": null } ]
          }
        }
        """)!.AsObject();

    public static async Task<(OfficeResponse Office, string ETag)> RegisterAsync(this HttpClient client, OfficeRequest office)
    {
        using var response = await client.PostAsJsonAsync("/api/offices", office, Cancellation);
        response.EnsureSuccessStatusCode();
        return ((await response.Content.ReadFromJsonAsync<OfficeResponse>(Cancellation))!, response.Headers.ETag!.ToString());
    }

    public static async Task<(OfficeResponse Office, string ETag)> GetAsync(this HttpClient client, Guid id)
    {
        using var response = await client.GetAsync(new Uri($"/api/offices/{id}", UriKind.Relative), Cancellation);
        response.EnsureSuccessStatusCode();
        return ((await response.Content.ReadFromJsonAsync<OfficeResponse>(Cancellation))!, response.Headers.ETag!.ToString());
    }

    public static Task<HttpResponseMessage> PutAsync(this HttpClient client, Guid id, object office, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/offices/{id}") { Content = JsonContent.Create(office) };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }

        return client.SendAsync(request, Cancellation);
    }

    public static Task<HttpResponseMessage> CloseAsync(this HttpClient client, Guid id, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/offices/{id}/close");
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }

        return client.SendAsync(request, Cancellation);
    }

    public static async Task<OfficePage> ListAsync(this HttpClient client, string query) =>
        (await client.GetFromJsonAsync<OfficePage>($"/api/offices{query}", Cancellation))!;
}

internal sealed record ValidationProblem(int Status, Dictionary<string, string[]> Errors);

internal sealed record Problem(int Status, string? Title, string? Detail);
