using Dispatch.Silo.Storage;
using Microsoft.Extensions.Options;

namespace Dispatch.Silo.Hosting;

/// <summary>The provider must be one the silo knows, and PostgreSQL cannot be guessed: it needs its connection string.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.ProviderKind is null)
        {
            failures.Add($"{DispatchSettings.StorageProvider} must be sqlite, postgres or memory (was '{options.Provider}').");
        }
        else if (options.ProviderKind == StorageProviderKind.Postgres && string.IsNullOrEmpty(options.ConnectionString))
        {
            failures.Add($"{DispatchSettings.StorageConnectionString} is required for PostgreSQL storage.");
        }

        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
