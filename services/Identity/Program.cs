using Quartier.Identity;
using Quartier.Identity.DemoData;
using Quartier.Identity.Invitations;
using Quartier.ServiceDefaults;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddServiceDefaults();
builder.AddIdentityFeatures();

var app = builder.Build();
app.UseServiceDefaults();
app.UseIdentityPages();
app.MapDefaultEndpoints();
app.MapIdentityEndpoints();

switch (args)
{
    case [AdministratorInvitationCommand.Verb, .. var rest]:
        Environment.ExitCode = await AdministratorInvitationCommand.RunAsync(app, rest);
        return;
    case [DemoStaffCommand.Verb, ..]:
        Environment.ExitCode = await DemoStaffCommand.RunAsync(app);
        return;
}

await app.RunServiceAsync(args);

public partial class Program;
