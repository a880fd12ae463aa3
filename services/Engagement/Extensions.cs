using Quartier.Engagement.Data;
using Quartier.Engagement.Offices;
using Quartier.ServiceDefaults.Messaging;
using Quartier.ServiceDefaults.Persistence;

namespace Quartier.Engagement;

public static class Extensions
{
    public static WebApplicationBuilder AddEngagementFeatures(this WebApplicationBuilder builder)
    {
        // Called here, not in ServiceDefaults: the validation source generator describes the request
        // types of the project in which AddValidation is called.
        builder.Services.AddValidation();
        builder.AddServiceDatabase<EngagementDbContext, WebApplicationBuilder>("engagementdb");
        builder.AddMessaging(bus => bus.AddConsumer<OfficeRegisteredConsumer>());
        return builder;
    }

    public static WebApplication MapEngagementEndpoints(this WebApplication app)
    {
        app.MapHostOffices();
        return app;
    }
}
