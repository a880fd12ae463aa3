using Quartier.Bookings.Data;
using Quartier.Bookings.Offices;
using Quartier.ServiceDefaults.Messaging;
using Quartier.ServiceDefaults.Persistence;

namespace Quartier.Bookings;

public static class Extensions
{
    public static WebApplicationBuilder AddBookingsFeatures(this WebApplicationBuilder builder)
    {
        // Called here, not in ServiceDefaults: the validation source generator describes the request
        // types of the project in which AddValidation is called.
        builder.Services.AddValidation();
        builder.AddServiceDatabase<BookingsDbContext, WebApplicationBuilder>("bookingsdb");
        builder.AddMessaging(bus => bus.AddConsumer<OfficeRegisteredConsumer>());
        return builder;
    }

    public static WebApplication MapBookingsEndpoints(this WebApplication app)
    {
        app.MapBookableOffices();
        return app;
    }
}
