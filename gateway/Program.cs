using Quartier.Gateway;
using Quartier.ServiceDefaults;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();
app.UseServiceDefaults();
app.MapGateway();

await app.RunAsync();
