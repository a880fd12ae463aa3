using Quartier.Offices.Data;
using Quartier.Offices.Directory;
using Quartier.Offices.Feedback;
using Quartier.ServiceDefaults.Mail;
using Quartier.ServiceDefaults.Messaging;
using Quartier.ServiceDefaults.Persistence;
using Quartier.ServiceDefaults.Security;

namespace Quartier.Offices;

public static class Extensions
{
    public static WebApplicationBuilder AddOfficesFeatures(this WebApplicationBuilder builder)
    {
        // Called here, not in ServiceDefaults: the validation source generator describes the request
        // types of the project in which AddValidation is called.
        builder.Services.AddValidation();
        builder.AddStaffAuthentication("offices");
        builder.AddServiceDatabase<OfficesDbContext, WebApplicationBuilder>("officesdb");
        builder.AddResidentMail<OfficesDbContext, WebApplicationBuilder>();
        builder.Services.AddScoped<FeedbackMail>();
        builder.AddMessaging();
        return builder;
    }

    public static WebApplication MapOfficesEndpoints(this WebApplication app)
    {
        app.MapOfficeDirectory();
        app.MapAccessibilityFeedback();
        return app;
    }
}
