using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dispatch.Grains.Tests.Cluster;

/// <summary>The grains' clock in the test silos: a fake that stands still unless a test moves it.</summary>
public static class TestClock
{
    /// <summary>When every test silo's clock starts.</summary>
    public static DateTimeOffset Start { get; } = new(2025, 1, 15, 2, 30, 0, TimeSpan.Zero);

    /// <summary>Makes a fake clock the default <see cref="TimeProvider"/> that grains get, and pins the silo's own
    /// machinery (messaging timeouts, membership, directory, activation collection) to real time, as Orleans'
    /// <see cref="TimeProviderNames"/> allow, so that a standing clock never stalls the runtime.</summary>
    public static IServiceCollection AddFakeGrainClock(this IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Start));
        foreach (var key in new[]
                 {
                     TimeProviderNames.Messaging,
                     TimeProviderNames.SystemTimers,
                     TimeProviderNames.Membership,
                     TimeProviderNames.ActivationManagement,
                     TimeProviderNames.GrainDirectory,
                     // Reminders are the escalation's backstop only (the grain timer, on the fake clock, is exact):
                     // their service's own loops stay on real time.
                     Orleans.Reminders.ReminderTimeProviderNames.Reminders,
                 })
        {
            services.AddKeyedSingleton(key, TimeProvider.System);
        }

        return services;
    }
}
