using Quartier.Engagement;
using Quartier.ServiceDefaults;
using Quartier.ServiceDefaults.Idempotency;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddServiceDefaults();
builder.AddEngagementFeatures();

var app = builder.Build();
app.UseServiceDefaults();
app.UseIdempotentRequests();
app.MapDefaultEndpoints();
app.MapEngagementEndpoints();

await app.RunServiceAsync(args);

public partial class Program;
