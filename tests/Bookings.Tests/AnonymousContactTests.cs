using System.Net;
using Quartier.Bookings.Contacts;
using Quartier.Bookings.Tests.Support;
using Quartier.Contracts.Bookings;
using Quartier.Testing;

namespace Quartier.Bookings.Tests;

/// <summary>Walk-ins and phone contacts counted with one tap, per field of action, and taken back on the same day when tapped by mistake.</summary>
public sealed class AnonymousContactTests(PlatformInfrastructure platform) : IAsyncLifetime
{
    private BookingsHost host = null!;
    private Guid office;

    public async ValueTask InitializeAsync()
    {
        host = await BookingsHost.StartAsync(platform);
        office = await host.RegisterOfficeAsync("DE-BE");
    }

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Staff_count_walk_ins_and_calls_see_the_day_s_tally_take_back_a_mistaken_tap_and_reporting_hears_of_each()
    {
        var contacts = $"/api/bookings/offices/{office}/contacts";
        await using var counted = await EventProbe.StartAsync<AnonymousContactCounted>(host.MessagingConnectionString, TestContext.Current.CancellationToken);
        await using var withdrawn = await EventProbe.StartAsync<AnonymousContactWithdrawn>(host.MessagingConnectionString, TestContext.Current.CancellationToken);

        using var walkIn = await host.Client.PostAsync(contacts, new CountContactRequest(ContactKind.WalkIn, "wohnen"));
        using var secondWalkIn = await host.Client.PostAsync(contacts, new CountContactRequest(ContactKind.WalkIn, "wohnen"));
        using var call = await host.Client.PostAsync(contacts, new CountContactRequest(ContactKind.Phone, null));
        using var mistake = await host.Client.PostAsync(contacts, new CountContactRequest(ContactKind.Phone, "bildung"));
        using var unknownField = await host.Client.PostAsync(contacts, new CountContactRequest(ContactKind.WalkIn, "nonsense"));
        using var noKind = await host.Client.PostAsync(contacts, new CountContactRequest(null, null));
        using var unknownOffice = await host.Client.PostAsync($"/api/bookings/offices/{Guid.NewGuid()}/contacts", new CountContactRequest(ContactKind.WalkIn, null));

        walkIn.StatusCode.Should().Be(HttpStatusCode.Created);
        unknownField.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        noKind.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        unknownOffice.StatusCode.Should().BeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
        var taken = await mistake.ReadAsync<CountedContact>();
        using var undo = await host.Client.DeleteAsync(new Uri($"{contacts}/{taken.Id}", UriKind.Relative), TestContext.Current.CancellationToken);
        using var undoAgain = await host.Client.DeleteAsync(new Uri($"{contacts}/{taken.Id}", UriKind.Relative), TestContext.Current.CancellationToken);
        undo.StatusCode.Should().Be(HttpStatusCode.NoContent);
        undoAgain.StatusCode.Should().Be(HttpStatusCode.NotFound);

        var today = await host.Client.GetOkAsync<ContactDay>(contacts);
        today.Should().BeEquivalentTo(new
        {
            Date = taken.Date, WalkIns = 2, PhoneContacts = 1,
            Counts = new[] { new ContactCount(ContactKind.WalkIn, "wohnen", 2), new ContactCount(ContactKind.Phone, null, 1) },
        }, options => options.WithoutStrictOrdering());
        (await counted.WaitForAsync(e => e.ContactId == taken.Id, TimeSpan.FromSeconds(10))).Message
            .Should().BeEquivalentTo(new { OfficeId = office, Kind = ContactKind.Phone, FieldOfAction = "bildung" });
        await withdrawn.WaitForAsync(e => e.ContactId == taken.Id, TimeSpan.FromSeconds(10));

        var yesterday = await call.ReadAsync<CountedContact>();
        host.Clock.Advance(TimeSpan.FromDays(1));
        using var tooLate = await host.Client.DeleteAsync(new Uri($"{contacts}/{yesterday.Id}", UriKind.Relative), TestContext.Current.CancellationToken);
        tooLate.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, "earlier days are reported; taking back is for a mistaken tap today");
        (await host.Client.GetOkAsync<ContactDay>(contacts)).Counts.Should().BeEmpty("a new day starts from nothing");
        (await host.Client.GetOkAsync<ContactDay>($"{contacts}?date={taken.Date:yyyy-MM-dd}")).WalkIns.Should().Be(2);
    }
}
