using Quartier.ServiceDefaults;
using Quartier.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddResidentPages();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapResidentPages();

app.Run();

public partial class Program;
