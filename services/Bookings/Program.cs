using Quartier.Bookings;
using Quartier.Bookings.DemoData;
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

if (args is [DemoBookings.Verb, ..])
{
    await app.LoadDemoBookingsAsync();
    return;
}

await app.RunServiceAsync(args);

public partial class Program;
