using Quartier.Reporting;
using Quartier.ServiceDefaults;
using Quartier.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddReportingFeatures();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapReportingEndpoints();

await app.RunServiceAsync(args);

public partial class Program;
