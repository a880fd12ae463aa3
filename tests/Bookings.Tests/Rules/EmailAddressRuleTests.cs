using MimeKit;
using Quartier.ServiceDefaults.Contact;

namespace Quartier.Bookings.Tests.Rules;

/// <summary>Every address the services accept is one the mail to residents can be sent to; the rest is refused at the door, never a failure later.</summary>
public sealed class EmailAddressRuleTests
{
    [Theory]
    [InlineData("amina@example.org")]
    [InlineData("amina.yilmaz+kita@stadt-teil.de")]
    [InlineData("O'Brien@example.ie")]
    [InlineData("олена@приклад.укр")]
    [InlineData("user_1@mail.example.co.uk")]
    public void A_plain_address_is_accepted_and_parses_as_itself(string address)
    {
        EmailAddressRules.IsValid(address).Should().BeTrue();
        MailboxAddress.TryParse(address, out var parsed).Should().BeTrue();
        parsed!.Address.Should().Be(address);
    }

    [Theory]
    [InlineData("a b@example.org")]
    [InlineData("a,b@example.org")]
    [InlineData("amina@localhost")]
    [InlineData("a..b@example.org")]
    [InlineData(".amina@example.org")]
    [InlineData("amina.@example.org")]
    [InlineData("amina@-example.org")]
    [InlineData("\"amina\"@example.org")]
    [InlineData("amina@example@org")]
    [InlineData("Amina <amina@example.org>")]
    [InlineData("amina@[192.0.2.1]")]
    public void Anything_else_is_refused(string address) =>
        EmailAddressRules.IsValid(address).Should().BeFalse();
}
