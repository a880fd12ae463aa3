using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using FluentAssertions;
using Quartier.Bookings.Appointments;
using Quartier.Bookings.Tests.Support;
using Quartier.Contracts.Staff;
using Quartier.Testing;

namespace Quartier.Bookings.Tests;

/// <summary>Residents' contact data only for the staff of their office; everything else chosen explicitly.</summary>
public sealed class AuthorizationTests(PlatformInfrastructure platform) : IAsyncLifetime
{
    private BookingsHost host = null!;

    public async ValueTask InitializeAsync() => host = await BookingsHost.StartAsync(platform);

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public void Every_endpoint_is_public_or_protected_by_a_named_policy()
    {
        EndpointChoices.WithoutChoice(host.Services).Should().BeEmpty();
        EndpointChoices.Protected(host.Services).Select(e => e.Pattern).Should().Contain("/api/bookings/offices/{officeId:guid}/appointments");
        EndpointChoices.Public(host.Services).Should().Contain("POST /api/bookings/appointments/");
    }

    [Fact]
    public async Task Without_a_valid_token_every_protected_endpoint_answers_401_problem_details() =>
        (await AuthorizationChecks.NotUnauthorizedAsync(host.Anonymous, host.Services, StaffClient.Audience)).Should().BeEmpty();

    [Fact]
    public async Task Staff_of_one_office_get_nothing_of_another()
    {
        await host.RegisterOfficeAsync();
        (await AuthorizationChecks.LetThroughToAnotherOfficeAsync(host.Anonymous, host.Services, StaffClient.Audience)).Should().BeEmpty();
    }

    [Fact]
    public async Task Staff_read_their_office_s_day_list_the_read_is_recorded_and_other_offices_staff_are_refused()
    {
        var officeA = await host.RegisterOfficeAsync();
        var officeB = await host.RegisterOfficeAsync(name: "Mittelpunkt Hüttenstraße");
        await host.OpenAlwaysAsync(officeA, new DateOnly(2020, 1, 1));
        var service = await host.CreateServiceAsync(officeA, durationMinutes: 30);
        var slot = await host.FreeSlotAsync(service.Id, TimeSpan.FromHours(3));
        var booked = await host.Client.BookOkAsync(Requests.Booking(service.Id, slot.StartsAt));
        var dayList = $"/api/bookings/offices/{officeA}/appointments?date={DateOnly.FromDateTime(slot.StartsAt.DateTime):yyyy-MM-dd}";
        var staffA = Guid.NewGuid().ToString();
        await using var accessRecord = await EventProbe.StartAsync<PersonalDataRead>(host.MessagingConnectionString, TestContext.Current.CancellationToken);

        using var anonymous = await host.Anonymous.GetAsync(new Uri(dayList, UriKind.Relative), TestContext.Current.CancellationToken);
        using var ofB = await SendAsync(HttpMethod.Get, dayList, StaffTokens.Staff(StaffClient.Audience, officeB));
        using var ofA = await SendAsync(HttpMethod.Get, dayList, StaffTokens.Mint(StaffClient.Audience, [new Claim("office_staff", officeA.ToString())], subject: staffA));
        using var administrator = await SendAsync(HttpMethod.Get, dayList, StaffTokens.Administrator(StaffClient.Audience));
        using var cancelByB = await SendAsync(HttpMethod.Post, $"/api/bookings/appointments/{booked.AppointmentId}/cancel", StaffTokens.Lead(StaffClient.Audience, officeB));

        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        ofB.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        administrator.StatusCode.Should().Be(HttpStatusCode.Forbidden, "administrators manage offices and accounts; residents' data is for the office's staff");
        cancelByB.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        ofA.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ofA.ReadAsync<List<StaffAppointmentView>>()).Should().ContainSingle().Which.Name.Should().NotBeNullOrEmpty();
        var read = await accessRecord.WaitForAsync(r => r.Actor == staffA, TimeSpan.FromSeconds(30));
        read.Message.Should().BeEquivalentTo(new { Service = "bookings", OfficeId = (Guid?)officeA, Purpose = "day-list", RecordIds = new[] { booked.AppointmentId } });
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token)
    {
        using var request = new HttpRequestMessage(method, path) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
        return await host.Anonymous.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
