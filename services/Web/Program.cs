using Quartier.ServiceDefaults;
using Quartier.Web;

if (args is [SharedKeyRing.Verb, .. var rest])
{
    return SharedKeyRing.WriteKey(rest);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddSharedKeyRing();
builder.AddResidentPages();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapResidentPages();

app.Run();
return 0;

public partial class Program;
