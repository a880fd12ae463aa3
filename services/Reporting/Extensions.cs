using Quartier.Reporting.Data;
using Quartier.Reporting.Offices;
using Quartier.ServiceDefaults.Messaging;
using Quartier.ServiceDefaults.Persistence;

namespace Quartier.Reporting;

public static class Extensions
{
    public static WebApplicationBuilder AddReportingFeatures(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ReportingDbContext, WebApplicationBuilder>("reportingdb");
        builder.AddMessaging(bus => bus.AddConsumer<OfficeRegisteredConsumer>());
        return builder;
    }

    public static WebApplication MapReportingEndpoints(this WebApplication app)
    {
        app.MapReportedOffices();
        return app;
    }
}
