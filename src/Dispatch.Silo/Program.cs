using Dispatch.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddDispatchHost();

var app = builder.Build();
app.UseDispatchHost();
// Domain endpoints (network, recommendations, incidents, ...) map here.
app.Run();

public partial class Program;
