using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;

namespace Dispatch.Silo.Tests.Notifications;

/// <summary>Orleans' in-memory reminder service for a test silo, added beside the real services (the silo has no
/// reminder service of its own yet: the escalation work brings the durable ADO.NET one). Orleans offers it on the silo
/// builder only, so this wraps the service collection as one.</summary>
internal static class InMemoryReminders
{
    public static void AddTo(IServiceCollection services) =>
        new ServicesOnly(services).UseInMemoryReminderService();

    private sealed class ServicesOnly(IServiceCollection services) : ISiloBuilder
    {
        public IServiceCollection Services { get; } = services;

        public IConfiguration Configuration { get; } = new ConfigurationBuilder().Build();
    }
}
