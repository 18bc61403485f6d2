using Dispatch.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddDispatchHost();
builder.AddDispatchDomain();

var app = builder.Build();
app.UseDispatchHost();
app.MapDispatchDomain();
app.Run();

public partial class Program;
