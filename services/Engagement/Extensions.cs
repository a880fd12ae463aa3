using Microsoft.Extensions.Options;
using Quartier.Engagement.Common;
using Quartier.Engagement.Data;
using Quartier.Engagement.Events;
using Quartier.Engagement.Hours;
using Quartier.Engagement.Mail;
using Quartier.Engagement.Matching;
using Quartier.Engagement.Offices;
using Quartier.Engagement.Opportunities;
using Quartier.Engagement.Privacy;
using Quartier.Engagement.Registrations;
using Quartier.Engagement.Shifts;
using Quartier.Engagement.Tandems;
using Quartier.Engagement.Volunteers;
using Quartier.ServiceDefaults.Hosting;
using Quartier.ServiceDefaults.Mail;
using Quartier.ServiceDefaults.Messaging;
using Quartier.ServiceDefaults.Persistence;
using Quartier.ServiceDefaults.Privacy;
using Quartier.ServiceDefaults.Security;

namespace Quartier.Engagement;

public static class Extensions
{
    public static WebApplicationBuilder AddEngagementFeatures(this WebApplicationBuilder builder)
    {
        // Called here, not in ServiceDefaults: the validation source generator describes the request
        // types of the project in which AddValidation is called.
        builder.Services.AddValidation();
        builder.AddStaffAuthentication("engagement");
        builder.AddServiceDatabase<EngagementDbContext, WebApplicationBuilder>("engagementdb");
        builder.AddResidentMail<EngagementDbContext, WebApplicationBuilder>();
        builder.Services.AddScoped<EngagementMail>();
        builder.AddMessaging(bus =>
        {
            bus.AddConsumer<OfficeRegisteredConsumer>();
            bus.AddConsumer<OfficeUpdatedConsumer>();
            bus.AddConsumer<OfficeClosedConsumer>();
        });
        builder.Services.AddSingleton<EngagementMetrics>();

        builder.Services.Configure<ShiftShortageOptions>(builder.Configuration.GetSection("Engagement:ShiftShortage"));
        builder.Services.AddSingleton<ShiftShortageMonitor>();
        builder.Services.AddScheduledJob<ShiftShortageMonitor>(services => services.GetRequiredService<IOptions<ShiftShortageOptions>>().Value.CheckInterval);

        builder.Services.AddSingleton<PersonalDataRetention>();
        builder.Services.AddScheduledJob<PersonalDataRetention>(_ => PersonalDataRetention.Interval);
        return builder;
    }

    public static WebApplication MapEngagementEndpoints(this WebApplication app)
    {
        app.MapHostOffices();
        app.MapEvents();
        app.MapRegistrations();
        app.MapResidentsOwnData();
        Consents.Texts.Map(app, "/api/engagement", Consents.Events, Consents.Volunteers);
        app.MapOfficeRetention<EngagementDbContext, HostOffice>("/api/engagement/offices", RetentionKind.Registrations, RetentionKind.Volunteers);
        app.MapVolunteers();
        app.MapOpportunities();
        app.MapShifts();
        app.MapMatching();
        app.MapHours();
        app.MapTandems();
        return app;
    }
}
