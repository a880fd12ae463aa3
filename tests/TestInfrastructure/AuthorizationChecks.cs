using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using Xunit;

namespace Quartier.Testing;

/// <summary>The answers every protected endpoint of a service must give, whoever calls it.</summary>
public static class AuthorizationChecks
{
    /// <summary>
    /// Each protected endpoint with no token, a malformed one, a forged signature, an expired token and
    /// one for another service: the answers that are not 401 problem details.
    /// </summary>
    public static async Task<IReadOnlyList<string>> NotUnauthorizedAsync(HttpClient client, IServiceProvider services, string audience)
    {
        ArgumentNullException.ThrowIfNull(client);
        var office = Guid.NewGuid();
        Claim[] everything = [new("role", "administrator"), new("office_lead", office.ToString()), new("office_staff", office.ToString())];
        (string Name, string? Token)[] refused =
        [
            ("no token", null),
            ("malformed", "not-a-token"),
            ("forged", StaffTokens.Mint(audience, everything, key: RandomNumberGenerator.GetBytes(32))),
            ("expired", StaffTokens.Mint(audience, everything, expires: DateTime.UtcNow.AddMinutes(-10))),
            ("another service's", StaffTokens.Mint(audience == "offices" ? "bookings" : "offices", everything)),
            ("another issuer's", StaffTokens.Mint(audience, everything, issuer: "someone-else")),
        ];
        var wrong = new List<string>();
        foreach (var endpoint in EndpointChoices.Protected(services))
        {
            foreach (var (name, token) in refused)
            {
                using var request = endpoint.Request(office, token);
                using var response = await client.SendAsync(request, TestContext.Current.CancellationToken).ConfigureAwait(false);
                if (response.StatusCode != HttpStatusCode.Unauthorized || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    wrong.Add($"{endpoint} with {name}: {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}");
                }
            }
        }

        return wrong;
    }

    /// <summary>
    /// Each protected endpoint called by a lead, member of staff and coordinator of one office about
    /// another office: the answers that let them through (2xx), or that are not 403 although the route
    /// names the other office.
    /// </summary>
    public static async Task<IReadOnlyList<string>> LetThroughToAnotherOfficeAsync(HttpClient client, IServiceProvider services, string audience)
    {
        ArgumentNullException.ThrowIfNull(client);
        var mine = Guid.NewGuid();
        var token = StaffTokens.Mint(audience, [new("office_lead", mine.ToString()), new("office_staff", mine.ToString()), new("office_coordinator", mine.ToString())]);
        var wrong = new List<string>();
        foreach (var endpoint in EndpointChoices.Protected(services))
        {
            using var request = endpoint.Request(Guid.NewGuid(), token);
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode || (endpoint.NamesOfficeInRoute && response.StatusCode != HttpStatusCode.Forbidden))
            {
                wrong.Add($"{endpoint}: {(int)response.StatusCode} {response.Headers.WwwAuthenticate}");
            }
        }

        return wrong;
    }
}
