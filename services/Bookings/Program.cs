using Quartier.Bookings;
using Quartier.ServiceDefaults;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddServiceDefaults();
builder.AddBookingsFeatures();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapBookingsEndpoints();

await app.RunServiceAsync(args);

public partial class Program;
