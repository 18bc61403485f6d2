using Microsoft.Extensions.Options;

namespace Dispatch.Silo.Hosting;

/// <summary>A named seed file must exist: finding out at start beats an empty silo that only logs it.</summary>
public sealed class DataOptionsValidator : IValidateOptions<DataOptions>
{
    public ValidateOptionsResult Validate(string? name, DataOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.NamedSeedFile is { } seed && !File.Exists(seed)
            ? ValidateOptionsResult.Fail($"{DispatchSettings.SeedNetwork} names a file that does not exist ('{seed}'); give a network document, '{DataOptions.NoSeed}', or nothing for the bundled demo network.")
            : ValidateOptionsResult.Success;
    }
}
