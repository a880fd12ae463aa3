using Quartier.Offices;
using Quartier.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddOfficesFeatures();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOfficesEndpoints();

await app.RunServiceAsync(args);

public partial class Program;
