using Quartier.Bookings;
using Quartier.ServiceDefaults;
using Quartier.ServiceDefaults.Idempotency;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddServiceDefaults();
builder.AddBookingsFeatures();

var app = builder.Build();
app.UseServiceDefaults();
app.UseIdempotentRequests();
app.MapDefaultEndpoints();
app.MapBookingsEndpoints();

await app.RunServiceAsync(args);

public partial class Program;
