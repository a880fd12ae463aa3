using Microsoft.Extensions.Options;
using Quartier.Identity.Tokens;

namespace Quartier.Identity.Invitations;

/// <summary>
/// <c>dotnet Identity.dll invite-administrator &lt;e-mail&gt; &lt;name&gt;</c>: how the first
/// administrator (and any later one, should all be locked out) gets an account. Prints the invitation
/// link; the person sets their password and a second factor with it. There is no built-in password.
/// </summary>
public static class AdministratorInvitationCommand
{
    public const string Verb = "invite-administrator";

    public static async Task<int> RunAsync(WebApplication app, string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (arguments is not [var email, .. var names] || names.Length == 0 || !email.Contains('@', StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync($"usage: {Verb} <e-mail> <name>");
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var invitations = scope.ServiceProvider.GetRequiredService<StaffInvitations>();
        var publicBase = app.Services.GetRequiredService<IOptions<IdentityServerOptions>>().Value.PublicBase(request: null);
        var (outcome, invitation) = await invitations.InviteAsync(null, email, string.Join(' ', names), administrator: true, [], publicBase);
        if (outcome != InvitationOutcome.Sent)
        {
            await Console.Error.WriteLineAsync($"An account for {email} exists already.");
            return 1;
        }

        Console.WriteLine($"Invitation for {email}, valid until {invitation!.ExpiresAt:u}:");
        Console.WriteLine(invitation.Link);
        return 0;
    }
}
