using Quartier.Engagement;
using Quartier.ServiceDefaults;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddServiceDefaults();
builder.AddEngagementFeatures();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapEngagementEndpoints();

await app.RunServiceAsync(args);

public partial class Program;
