using System.Net;
using System.Net.Http.Json;
using Quartier.Testing;

namespace Quartier.EndToEnd.Tests;

/// <summary>
/// The suite's default caller: the administrator, signed in through the gateway, made lead of the
/// offices registered last whenever a request is refused for want of a membership; then the request
/// is sent again with the refreshed token. What each role may not do is tested with sessions of their own.
/// </summary>
public sealed class StaffOfEveryOffice(StaffSession administrator, Uri gateway) : DelegatingHandler(new HttpClientHandler())
{
    /// <summary>The most memberships identity gives one person.</summary>
    private const int MembershipLimit = 50;

    private readonly SemaphoreSlim updating = new(1, 1);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var response = await SendWithTokenAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Forbidden || request.Headers.Authorization?.Scheme != "Bearer")
        {
            return response;
        }

        response.Dispose();
        await LeadEveryOfficeAsync(cancellationToken);
        using var again = new HttpRequestMessage(request.Method, request.RequestUri);
        foreach (var header in request.Headers.Where(h => h.Key != "Authorization"))
        {
            again.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (body is not null)
        {
            again.Content = new ByteArrayContent(body);
            foreach (var header in request.Content!.Headers)
            {
                again.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return await SendWithTokenAsync(again, cancellationToken);
    }

    private Task<HttpResponseMessage> SendWithTokenAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization ??= new("Bearer", administrator.AccessToken);
        return base.SendAsync(request, cancellationToken);
    }

    private async Task LeadEveryOfficeAsync(CancellationToken cancellationToken)
    {
        await updating.WaitAsync(cancellationToken);
        try
        {
            using var plain = new HttpClient { BaseAddress = gateway };
            var offices = new List<OfficeId>();
            for (var page = 1; ; page++)
            {
                var found = (await plain.GetFromJsonAsync<OfficeList>($"/api/offices?includeClosed=true&pageSize=100&page={page}", cancellationToken))!;
                offices.AddRange(found.Items);
                if (found.Items.Count < 100)
                {
                    break;
                }
            }

            using var set = administrator.Authorized(HttpMethod.Put, $"/api/identity/accounts/{administrator.Subject}/memberships",
                new
                {
                    // Identity caps a person's memberships; the suite's tests work in the offices they registered last.
                    memberships = offices.OrderByDescending(office => office.RegisteredAt).Take(MembershipLimit).Select(office => new { officeId = office.Id, role = "Lead" }),
                });
            using var updated = await plain.SendAsync(set, cancellationToken);
            updated.EnsureSuccessStatusCode();
            await administrator.RefreshAsync();
        }
        finally
        {
            updating.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            updating.Dispose();
        }

        base.Dispose(disposing);
    }

    private sealed record OfficeList(List<OfficeId> Items);

    private sealed record OfficeId(Guid Id, DateTimeOffset RegisteredAt);
}
