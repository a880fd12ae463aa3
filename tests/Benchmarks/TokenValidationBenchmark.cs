using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Quartier.Bookings.Data;
using Quartier.Testing;

namespace Quartier.Benchmarks;

/// <summary>
/// What validating staff tokens costs: the staff day view (an office's appointments of a day, with
/// residents' contact data, its read recorded) with an RS256 token validated as the identity service's
/// are, and the same request, same token, same process type, with validation switched off — both
/// Bookings hosts in this process against one real PostgreSQL, measured in alternating rounds.
/// </summary>
public sealed class TokenValidationBenchmark : IBenchmark
{
    private const int Appointments = 24;
    private const int WarmUp = 1500;

    public string Name => "tokens";

    public string Description => "staff day view p50/p99 with RS256 token validation and without, alternating rounds (args: requests per round, rounds)";

    public async Task RunAsync(string[] args)
    {
        var perRound = args is [var r, ..] ? int.Parse(r, CultureInfo.InvariantCulture) : 500;
        var rounds = args is [_, var n, ..] ? int.Parse(n, CultureInfo.InvariantCulture) : 10;

        // WebApplicationFactory finds the hosted service's content root through a manifest it looks for in the working directory.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);

        await using var postgres = await PostgresServer.StartAsync();
        await using var rabbitMq = await RabbitMqServer.StartAsync();
        var settings = new Dictionary<string, string>(StaffTokens.Settings)
        {
            ["ConnectionStrings:bookingsdb"] = await postgres.CreateDatabaseAsync("bookingsdb"),
            ["ConnectionStrings:messaging"] = rabbitMq.ConnectionString,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        using var rsa = RSA.Create(2048);
        var signingKey = new RsaSecurityKey(rsa) { KeyId = "identity-1" };

        await using var validating = Bookings(settings, options => options.TokenValidationParameters.IssuerSigningKeys = [signingKey]);
        using var validatingClient = validating.CreateClient();
        await using var trusting = Bookings(settings, options =>
        {
            // The same pipeline, minus the work of validation: the token is read, not checked.
            options.TokenValidationParameters.SignatureValidator = (token, _) => new JsonWebToken(token);
            options.TokenValidationParameters.ValidateIssuer = false;
            options.TokenValidationParameters.ValidateAudience = false;
            options.TokenValidationParameters.ValidateLifetime = false;
            options.TokenValidationParameters.ValidateIssuerSigningKey = false;
        });
        using var trustingClient = trusting.CreateClient();

        var officeId = await OfficeSeeding.RegisterOfficeAsync(rabbitMq.ConnectionString, validatingClient, "/api/bookings/offices");
        var token = StaffTokens.Mint("bookings",
            [new Claim("office_lead", officeId.ToString()), new Claim("office_staff", officeId.ToString())],
            new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256), DateTime.UtcNow.AddHours(2));
        foreach (var client in new[] { validatingClient, trustingClient })
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var day = await BookADayAsync(validatingClient, officeId);
        var path = $"/api/bookings/offices/{officeId}/appointments?date={day:yyyy-MM-dd}";
        await MeasureAsync(validatingClient, path, WarmUp);
        await MeasureAsync(trustingClient, path, WarmUp);

        var with = new List<double>();
        var without = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            with.AddRange(await MeasureAsync(validatingClient, path, perRound));
            without.AddRange(await MeasureAsync(trustingClient, path, perRound));
        }

        var withValidation = new Percentiles(with);
        var withoutValidation = new Percentiles(without);
        Console.WriteLine($"staff day view ({Appointments} appointments), RS256 token validated: {withValidation}");
        Console.WriteLine($"staff day view, same token not validated (baseline):      {withoutValidation}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"difference: p50 {withValidation.At(50) - withoutValidation.At(50):+0.00;-0.00} ms, p99 {withValidation.At(99) - withoutValidation.At(99):+0.00;-0.00} ms (target: p99 within 2 ms)"));
    }

    private static ServiceFactory<BookingsDbContext> Bookings(Dictionary<string, string> settings, Action<JwtBearerOptions> bearer) =>
        new(settings, services => services.PostConfigure(JwtBearerDefaults.AuthenticationScheme, bearer));

    /// <summary>An office open on weekdays with one service, and <see cref="Appointments"/> residents booked on one day next week.</summary>
    private static async Task<DateOnly> BookADayAsync(HttpClient lead, Guid officeId)
    {
        var weekdays = Enumerable.Range(1, 5).Select(weekday => new { day = weekday, opens = "08:00", closes = "18:00" });
        (await lead.PutAsJsonAsync($"/api/bookings/offices/{officeId}/opening-hours/plans/2020-01-01", new { intervals = weekdays })).EnsureSuccessStatusCode();
        using var created = await lead.PostAsJsonAsync($"/api/bookings/offices/{officeId}/services", new
        {
            names = new Dictionary<string, string> { ["de"] = "Sozialberatung" },
            durationMinutes = 20,
            channels = new[] { "InPerson" },
            fieldOfAction = "zusammenleben",
            capacity = 1,
        });
        created.EnsureSuccessStatusCode();
        var serviceId = (await created.Content.ReadFromJsonAsync<Created>())!.Id;
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(7));
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        var slots = (await lead.GetFromJsonAsync<List<Slot>>($"/api/bookings/services/{serviceId}/slots?channel=InPerson&from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}"))!;
        foreach (var (slot, i) in slots.Take(Appointments).Select((slot, i) => (slot, i)))
        {
            using var booked = await lead.PostAsJsonAsync("/api/bookings/appointments", new
            {
                serviceId,
                startsAt = slot.StartsAt,
                channel = "InPerson",
                name = $"Bewohnerin {i}",
                phone = "+49 3605 555123",
                language = "de",
                interpreterNeeded = false,
                topic = "Wohngeld",
                consent = new { textVersion = "2026-12", givenAt = DateTimeOffset.UtcNow },
            });
            booked.EnsureSuccessStatusCode();
        }

        return day;
    }

    private static async Task<List<double>> MeasureAsync(HttpClient client, string path, int count)
    {
        var samples = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            await response.Content.ReadAsByteArrayAsync();
            samples.Add(clock.Elapsed.TotalMilliseconds);
            response.EnsureSuccessStatusCode();
        }

        return samples;
    }

    private sealed record Created(Guid Id);

    private sealed record Slot(DateTimeOffset StartsAt);
}
