using Quartier.Offices;
using Quartier.ServiceDefaults;
using Quartier.ServiceDefaults.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddOfficesFeatures();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOfficesEndpoints();

await app.RunServiceAsync(args);

public partial class Program;
