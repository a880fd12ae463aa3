using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartier.Offices.Data;
using Quartier.Offices.Directory;
using Quartier.Offices.Feedback;
using Quartier.ServiceDefaults.Mail;
using Quartier.Testing;

namespace Quartier.Offices.Tests;

/// <summary>A barrier reported on the pages reaches the office it was sent to, through a real SMTP server.</summary>
public sealed class AccessibilityFeedbackTests(PlatformInfrastructure platform) : IAsyncLifetime
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private SmtpSink smtp = null!;
    private ServiceFactory<Program> service = null!;
    private HttpClient staff = null!;
    private HttpClient resident = null!;

    public async ValueTask InitializeAsync()
    {
        smtp = await SmtpSink.StartAsync(Cancellation);
        service = new ServiceFactory<Program>(await ServiceFactory.OwnResourcesAsync(platform, "offices", smtp.Settings()));
        staff = service.CreateStaffClient();
        resident = service.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        resident.Dispose();
        staff.Dispose();
        await service.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_report_reaches_the_office_by_e_mail_with_the_residents_address_to_reply_to_and_nothing_of_it_stays_stored()
    {
        var officeEmail = $"buero-{Guid.NewGuid():N}@example.org";
        var (office, _) = await staff.RegisterAsync(OfficeApi.Salzgitter() with { Contact = new("Markus Meyer", "Ansprechpartner", "+49 5341 123456", officeEmail) });

        using var response = await resident.PostAsJsonAsync($"/api/offices/{office.Id}/accessibility-feedback", new
        {
            message = "Die Uhrzeiten werden vom Bildschirmleser nicht vorgelesen.",
            where = "Termin buchen, Uhrzeit wählen",
            email = "leila@example.org",
            phone = "0176 5550199",
            language = "fa",
        }, Cancellation);

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await response.Content.ReadFromJsonAsync<FeedbackReceived>(Cancellation)).Should().Be(new FeedbackReceived(office.Id, "Koordinierungsbüro Salzgitter"));
        var message = (await smtp.WaitForAsync(officeEmail)).Should().ContainSingle().Subject;
        message.Subject.Should().Be("Barriere gemeldet – Koordinierungsbüro Salzgitter");
        message.ReplyTo.Mailboxes.Should().ContainSingle().Which.Address.Should().Be("leila@example.org");
        message.TextBody.Should().Contain("Die Uhrzeiten werden vom Bildschirmleser nicht vorgelesen.")
            .And.Contain("Termin buchen, Uhrzeit wählen").And.Contain("+491765550199").And.Contain("fa");

        await WaitUntilAsync(async () => await MailCountAsync() == 0, "the sent report is deleted from the queue with its text");
    }

    [Fact]
    public async Task A_report_to_an_office_without_e_mail_is_refused_with_422_one_to_an_unknown_office_is_404_and_an_empty_one_400()
    {
        var (withoutEmail, _) = await staff.RegisterAsync(OfficeApi.Salzgitter() with { Contact = new("Markus Meyer", null, "+49 5341 123456", null) });

        using var noEmail = await resident.PostAsJsonAsync($"/api/offices/{withoutEmail.Id}/accessibility-feedback", new { message = "Kontrast zu schwach." }, Cancellation);
        using var unknown = await resident.PostAsJsonAsync($"/api/offices/{Guid.NewGuid()}/accessibility-feedback", new { message = "Kontrast zu schwach." }, Cancellation);
        using var empty = await resident.PostAsJsonAsync($"/api/offices/{withoutEmail.Id}/accessibility-feedback", new { message = "", email = "kein-at-zeichen" }, Cancellation);

        noEmail.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        empty.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await empty.Content.ReadFromJsonAsync<ValidationProblem>(Cancellation);
        problem!.Errors.Keys.Should().BeEquivalentTo("message", "email");
        (await MailCountAsync()).Should().Be(0, "nothing was queued for refused reports");
    }

    private async Task<int> MailCountAsync()
    {
        await using var scope = service.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OfficesDbContext>().Set<OutgoingMail>().CountAsync(mail => mail.Content != null, Cancellation);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string because)
    {
        for (var attempt = 0; attempt < 100 && !await condition(); attempt++)
        {
            await Task.Delay(100, Cancellation);
        }

        (await condition()).Should().BeTrue(because);
    }

    private sealed record ValidationProblem(Dictionary<string, string[]> Errors);
}
