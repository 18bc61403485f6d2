namespace Dispatch.Cli.Input;

/// <summary>What <c>simulate</c> and <c>sweep</c> share: where to run, the demand, the policies, the files, the output folder.</summary>
/// <param name="BaselinePolicy">Null leaves it to the contract's default, which is <paramref name="Policy"/>.</param>
public sealed record RunInput(
    InputSource Source,
    double Days,
    double RatePerDay,
    long Seed,
    DateTimeOffset Start,
    string Policy,
    string? BaselinePolicy,
    string? ChangesFile,
    string? SurgesFile,
    string? ReplayFile,
    double? MaxWaitMin,
    string? Name,
    string OutDirectory);
