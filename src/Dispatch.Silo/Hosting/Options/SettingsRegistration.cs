using Microsoft.Extensions.Options;

namespace Dispatch.Silo.Hosting;

/// <summary>
/// Binds an options class to its configuration section and checks it when the host starts, so that a bad value stops the
/// silo with a message naming the setting rather than failing later, or never, at the first request that reads it.
/// </summary>
internal static class SettingsRegistration
{
    /// <summary>Options read from the container: bound, and validated by <paramref name="validate"/> at start.</summary>
    public static void AddSettings<T>(this WebApplicationBuilder builder, string section, Func<T, ValidateOptionsResult> validate)
        where T : class
    {
        builder.Services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<T>>(new Rules<T>(validate));
    }

    /// <summary>
    /// Options the wiring itself depends on (which storage, which ports), so they are needed before the container exists:
    /// registered as <see cref="AddSettings{T}"/> does, and also bound and validated by the same rules now.
    /// </summary>
    /// <exception cref="OptionsValidationException">A value breaks a rule; the message names the setting.</exception>
    public static T ReadSettings<T>(this WebApplicationBuilder builder, string section, Func<T, ValidateOptionsResult> validate)
        where T : class, new()
    {
        builder.AddSettings(section, validate);
        var options = builder.Configuration.GetSection(section).Get<T>() ?? new T();
        var result = validate(options);
        return result.Failed ? throw new OptionsValidationException(Options.DefaultName, typeof(T), result.Failures) : options;
    }

    /// <summary>
    /// The data annotations of <paramref name="options"/>. Reflection-based rather than <c>[OptionsValidator]</c>: the generated
    /// validator words its own messages after the class member (<c>The field StorageOptions.Provider ...</c>) and drops the
    /// annotations' <c>ErrorMessage</c>, which is where these options name their configuration key.
    /// </summary>
    public static ValidateOptionsResult Annotations<T>(T options)
        where T : class =>
        new DataAnnotationValidateOptions<T>(Options.DefaultName).Validate(Options.DefaultName, options);

    private sealed class Rules<T>(Func<T, ValidateOptionsResult> validate) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options) => validate(options);
    }
}
