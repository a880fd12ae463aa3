using Quartier.Reporting;
using Quartier.Reporting.EventLog;
using Quartier.ServiceDefaults;
using Quartier.ServiceDefaults.Idempotency;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddServiceDefaults();
builder.AddReportingFeatures();

var app = builder.Build();
app.UseServiceDefaults();
app.UseIdempotentRequests();
app.MapDefaultEndpoints();
app.MapReportingEndpoints();

if (args is [LogReplay.Verb, ..])
{
    await app.Services.RebuildReadModelsAsync(app.Lifetime.ApplicationStopping);
    return;
}

await app.RunServiceAsync(args);

public partial class Program;
