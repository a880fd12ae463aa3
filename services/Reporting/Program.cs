using Quartier.Reporting;
using Quartier.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddReportingFeatures();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapReportingEndpoints();

await app.RunServiceAsync(args);

public partial class Program;
