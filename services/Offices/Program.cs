using Quartier.Offices;
using Quartier.Offices.DemoData;
using Quartier.ServiceDefaults;
using Quartier.ServiceDefaults.Idempotency;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddServiceDefaults();
builder.AddOfficesFeatures();

var app = builder.Build();
app.UseServiceDefaults();
app.UseIdempotentRequests();
app.MapDefaultEndpoints();
app.MapOfficesEndpoints();

if (args is [DemoDataCommand.Verb, ..])
{
    await app.LoadDemoDataAsync();
    return;
}

await app.RunServiceAsync(args);

public partial class Program;
