using Quartier.Offices;
using Quartier.Offices.DemoData;
using Quartier.ServiceDefaults;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddServiceDefaults();
builder.AddOfficesFeatures();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOfficesEndpoints();

if (args is [DemoDataCommand.Verb, ..])
{
    await app.LoadDemoDataAsync();
    return;
}

await app.RunServiceAsync(args);

public partial class Program;
