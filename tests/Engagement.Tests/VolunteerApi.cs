using System.Net;
using System.Net.Http.Json;
using Quartier.Engagement.Opportunities;
using Quartier.Engagement.Shifts;

namespace Quartier.Engagement.Tests;

/// <summary>The calls residents and staff make around volunteers, as small steps for the tests.</summary>
internal static class VolunteerApi
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static object SignUpBody(string[]? languages = null, string[]? skills = null, object[]? availability = null) => new
    {
        name = "Hanna Schulz",
        email = "hanna@example.org",
        phone = (string?)null,
        languages = languages ?? ["de"],
        skills = skills ?? ["Hausaufgabenhilfe"],
        availability = availability ?? [Slot(DayOfWeek.Tuesday, "14:00", "18:00")],
        ageGroup = "Adult",
        guardian = (object?)null,
        consent = true,
        consentTextVersion = "2026-12-volunteers",
    };

    public static object Slot(DayOfWeek weekday, string from, string to) => new { weekday = weekday.ToString(), from, to };

    public static async Task<Guid> SignUpAsync(this HttpClient client, Guid officeId, object body)
    {
        using var response = await client.PostAsJsonAsync($"/api/engagement/offices/{officeId}/volunteers", body, Cancellation);
        await Json.EnsureStatusAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<IdOnly>(Cancellation))!.Id;
    }

    public static async Task<Guid> SignUpApprovedAsync(this HttpClient client, Guid officeId, object body)
    {
        var id = await client.SignUpAsync(officeId, body);
        using var approved = await client.PostAsync(new Uri($"/api/engagement/volunteers/{id}/approve", UriKind.Relative), null, Cancellation);
        await Json.EnsureStatusAsync(approved, HttpStatusCode.OK);
        return id;
    }

    public static async Task<OpportunityResponse> CreateOpportunityAsync(this HttpClient client, Guid officeId, object? overrides = null)
    {
        var body = Json.Merge(new
        {
            title = "Hausaufgabenhilfe",
            description = "Grundschulkinder bei den Hausaufgaben begleiten",
            fieldOfAction = "bildung",
            skills = new[] { "hausaufgabenhilfe", "mathe" },
            languages = new[] { "ar", "de" },
            weekday = "Tuesday",
            from = "15:00",
            to = "17:00",
        }, overrides);
        using var response = await client.PostAsJsonAsync($"/api/engagement/offices/{officeId}/opportunities", body, Cancellation);
        await Json.EnsureStatusAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<OpportunityResponse>(Json.Options, Cancellation))!;
    }

    public static Task<HttpResponseMessage> PostShiftAsync(this HttpClient client, Guid opportunityId, DateTimeOffset startsAt, DateTimeOffset endsAt, int needed) =>
        client.PostAsJsonAsync($"/api/engagement/opportunities/{opportunityId}/shifts", new { startsAt, endsAt, needed }, Cancellation);

    public static async Task<ShiftResponse> CreateShiftAsync(this HttpClient client, Guid opportunityId, DateTimeOffset startsAt, DateTimeOffset endsAt, int needed)
    {
        using var response = await client.PostShiftAsync(opportunityId, startsAt, endsAt, needed);
        await Json.EnsureStatusAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<ShiftResponse>(Cancellation))!;
    }

    public static async Task<HttpStatusCode> SignUpForShiftAsync(this HttpClient client, Guid shiftId, Guid volunteerId)
    {
        using var response = await client.PostAsJsonAsync($"/api/engagement/shifts/{shiftId}/sign-ups", new { volunteerId }, Cancellation);
        return response.StatusCode;
    }

    /// <summary>A Tuesday at least <paramref name="weeksAhead"/> weeks from now, at the given Berlin wall-clock hour.</summary>
    public static DateTimeOffset TuesdayInBerlin(int weeksAhead, int hour, int minute = 0)
    {
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Berlin).Date.AddDays(7 * weeksAhead);
        while (today.DayOfWeek != DayOfWeek.Tuesday)
        {
            today = today.AddDays(1);
        }

        var local = today.AddHours(hour).AddMinutes(minute);
        return new DateTimeOffset(local, Berlin.GetUtcOffset(local)).ToUniversalTime();
    }

    private sealed record IdOnly(Guid Id);
}
