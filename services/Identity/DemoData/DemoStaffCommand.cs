using Microsoft.AspNetCore.Identity;
using Quartier.Contracts.Offices;
using Quartier.Identity.Accounts;
using Quartier.ServiceDefaults;

namespace Quartier.Identity.DemoData;

/// <summary>
/// <c>dotnet Identity.dll demo-data</c>, in Development only: a lead, a member of staff and a
/// coordinator for each of the three demo offices, all with the password <see cref="Password"/>, so
/// the platform can be tried without inviting anyone. Idempotent; refuses to run anywhere else.
/// </summary>
public static partial class DemoStaffCommand
{
    public const string Verb = "demo-data";

    /// <summary>Published in the README: demo accounts exist only on developers' machines.</summary>
    public const string Password = "Quartier Demo 2026";

    public static IReadOnlyList<(string Email, string Name, Guid OfficeId, OfficeRole Role)> Accounts { get; } =
    [
        ("leitung.salzgitter@demo.quartier", "Lena Leitung (Salzgitter)", DemoOfficeIds.Salzgitter, OfficeRole.Lead),
        ("team.salzgitter@demo.quartier", "Tarik Team (Salzgitter)", DemoOfficeIds.Salzgitter, OfficeRole.Staff),
        ("koordination.salzgitter@demo.quartier", "Kim Koordination (Salzgitter)", DemoOfficeIds.Salzgitter, OfficeRole.Coordinator),
        ("leitung.leinefelde@demo.quartier", "Lea Leitung (Leinefelde)", DemoOfficeIds.Leinefelde, OfficeRole.Lead),
        ("team.leinefelde@demo.quartier", "Tom Team (Leinefelde)", DemoOfficeIds.Leinefelde, OfficeRole.Staff),
        ("koordination.leinefelde@demo.quartier", "Karla Koordination (Leinefelde)", DemoOfficeIds.Leinefelde, OfficeRole.Coordinator),
        ("leitung.stadthagen@demo.quartier", "Leon Leitung (Stadthagen)", DemoOfficeIds.Stadthagen, OfficeRole.Lead),
        ("team.stadthagen@demo.quartier", "Tanja Team (Stadthagen)", DemoOfficeIds.Stadthagen, OfficeRole.Staff),
        ("koordination.stadthagen@demo.quartier", "Kai Koordination (Stadthagen)", DemoOfficeIds.Stadthagen, OfficeRole.Coordinator),
    ];

    public static async Task<int> RunAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoStaffCommand));
        if (!app.Environment.IsDevelopment())
        {
            LogRefused(logger, app.Environment.EnvironmentName);
            return 1;
        }

        await app.MigrateDatabasesAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var added = 0;
        foreach (var (email, name, officeId, role) in Accounts)
        {
            if (await accounts.FindByEmailAsync(email) is not null)
            {
                continue;
            }

            var now = time.GetUtcNow();
            var account = new StaffAccount
            {
                Id = Guid.CreateVersion7(now), UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, InvitedAt = now, JoinedAt = now,
            };
            account.Memberships.Add(new OfficeMembership { AccountId = account.Id, OfficeId = officeId, Role = role });
            var created = await accounts.CreateAsync(account, Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {email}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }

            added++;
        }

        LogLoaded(logger, added, Accounts.Count - added);
        return 0;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo staff accounts are for Development only; refused in {Environment}")]
    private static partial void LogRefused(ILogger logger, string environment);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo staff accounts: {Added} added, {Existing} there already")]
    private static partial void LogLoaded(ILogger logger, int added, int existing);
}
