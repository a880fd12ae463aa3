using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using FluentAssertions;
using Quartier.Testing;

namespace Quartier.EndToEnd.Tests;

/// <summary>What the gateway itself answers: a client over its write limit, a service it cannot reach.</summary>
[Collection(PlatformCollection.Name)]
public sealed class GatewayTests(PlatformFixture platform)
{
    private const int Burst = 3;
    private const string Booking = "/api/bookings/appointments";

    [Fact]
    public async Task A_client_over_its_write_limit_gets_429_with_retry_after_while_reads_and_other_clients_pass()
    {
        var environment = new Dictionary<string, string>(platform.GatewayEnvironment)
        {
            [GatewayLimits.WritesPerMinute] = "3",
            [GatewayLimits.WriteBurst] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        await using var gateway = await ServiceProcess.StartAsync("gateway-limited", ServiceProcess.AssemblyPath("gateway", "Gateway"), environment, TestContext.Current.CancellationToken);
        using var resident = new HttpClient { BaseAddress = gateway.BaseAddress };
        using var neighbour = new HttpClient(FromAddress(IPAddress.Parse("127.0.0.2"))) { BaseAddress = gateway.BaseAddress };

        // An incomplete booking is refused by the service (400): a write that reached it, storing nothing.
        for (var write = 0; write < Burst; write++)
        {
            using var passed = await resident.PostAsJsonAsync(Booking, new { }, TestContext.Current.CancellationToken);
            passed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        }

        using var limited = await resident.PostAsJsonAsync(Booking, new { }, TestContext.Current.CancellationToken);
        limited.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter!.Delta.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1)).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(20));
        limited.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await limited.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        problem.GetProperty("status").GetInt32().Should().Be(429);
        problem.GetProperty("title").GetString().Should().Be("Too many requests.");

        using var read = await resident.GetAsync(new Uri("/api/offices", UriKind.Relative), TestContext.Current.CancellationToken);
        read.StatusCode.Should().Be(HttpStatusCode.OK);
        using var otherClient = await neighbour.PostAsJsonAsync(Booking, new { }, TestContext.Current.CancellationToken);
        otherClient.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_service_the_gateway_cannot_reach_answers_503_problem_details_with_retry_after()
    {
        var environment = GatewayLimits.Lifted(new Dictionary<string, string>(platform.GatewayEnvironment)
        {
            // Nothing listens on the discard port: Reporting is down.
            ["services__reporting__http__0"] = "http://127.0.0.1:9/",
        });
        await using var gateway = await ServiceProcess.StartAsync("gateway-reporting-down", ServiceProcess.AssemblyPath("gateway", "Gateway"), environment, TestContext.Current.CancellationToken);
        using var client = new HttpClient { BaseAddress = gateway.BaseAddress };

        using var report = await client.GetAsync(new Uri("/api/reporting/appointments", UriKind.Relative), TestContext.Current.CancellationToken);
        report.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        report.Headers.RetryAfter!.Delta.Should().BeGreaterThan(TimeSpan.Zero);
        report.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await report.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("status").GetInt32().Should().Be(503);

        using var offices = await client.GetAsync(new Uri("/api/offices", UriKind.Relative), TestContext.Current.CancellationToken);
        offices.StatusCode.Should().Be(HttpStatusCode.OK, "the other services are reachable");
    }

    [Fact]
    public async Task Every_service_publishes_its_OpenAPI_document_through_the_gateway_and_one_reference_page_lists_them()
    {
        foreach (var service in PlatformFixture.ServiceNames)
        {
            var document = await platform.Client.GetFromJsonAsync<JsonElement>($"/openapi/{service}.json", TestContext.Current.CancellationToken);
            document.GetProperty("openapi").GetString().Should().StartWith("3.");
            document.GetProperty("paths").EnumerateObject().Select(path => path.Name).Should().Contain(path => path.StartsWith($"/api/{service}/", StringComparison.Ordinal));

            // Every operation has a name of its own and documents the problems it can answer.
            var operations = document.GetProperty("paths").EnumerateObject()
                .SelectMany(path => path.Value.EnumerateObject().Where(item => item.Value.ValueKind == JsonValueKind.Object && item.Value.TryGetProperty("responses", out _))
                    .Select(item => (Name: $"{item.Name.ToUpperInvariant()} {path.Name}", Operation: item.Value)))
                .ToList();
            operations.Select(o => o.Operation.TryGetProperty("operationId", out var id) ? id.GetString() : null)
                .Should().OnlyHaveUniqueItems().And.NotContainNulls($"every operation of {service} is named");
            foreach (var (name, operation) in operations)
            {
                var answers = operation.GetProperty("responses").EnumerateObject().Select(answer => answer.Name).ToList();
                if (operation.TryGetProperty("parameters", out _) || operation.TryGetProperty("requestBody", out _))
                {
                    answers.Should().Contain("400", $"{name} takes input, which can be refused");
                }

                answers.Should().Contain("503", $"{name} documents the answer to an outage");
            }
        }

        using var reference = await platform.Client.GetAsync(new Uri("/api-reference/", UriKind.Relative), TestContext.Current.CancellationToken);
        reference.StatusCode.Should().Be(HttpStatusCode.OK);
        reference.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        var page = await reference.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        page.Should().ContainAll(PlatformFixture.ServiceNames);
        page.Should().NotContain("https://", "the reference page loads nothing from third parties");
    }

    [Theory]
    [InlineData("/api/offices", true)]
    [InlineData("/", true)]
    [InlineData("/api/bookings/appointments/manage/not-a-real-link", true)]
    [InlineData("/site.css", false)]
    public async Task Every_answer_carries_the_security_headers_and_no_cache_keeps_what_may_hold_personal_data(string path, bool personal)
    {
        using var client = new HttpClient { BaseAddress = platform.Gateway.BaseAddress };

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        response.Headers.GetValues("Referrer-Policy").Should().Equal(["no-referrer"], "a management link in the address must not reach another site");
        response.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
        response.Headers.GetValues("Permissions-Policy").Single().Should().Contain("camera=()").And.Contain("geolocation=()");
        if (personal)
        {
            response.Headers.CacheControl!.NoStore.Should().BeTrue();
        }
        else
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            (response.Headers.CacheControl?.NoStore ?? false).Should().BeFalse("static files may be cached");
        }
    }

    /// <summary>A client connecting from another loopback address: the gateway sees another resident.</summary>
    private static SocketsHttpHandler FromAddress(IPAddress local) => new()
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(local.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(local, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
