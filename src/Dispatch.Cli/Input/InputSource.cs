namespace Dispatch.Cli.Input;

/// <summary>Where a run happens: in this process on a network file, or on a silo through the scenario API.</summary>
public abstract record InputSource;

/// <summary>Run in-process with the solver's simulator, starting from this network document.</summary>
public sealed record NetworkFileSource(string Path) : InputSource;

/// <summary>Run on a silo (base "live"), authenticated with the API key in <paramref name="KeyFile"/>.</summary>
public sealed record RemoteSource(Uri Url, string KeyFile) : InputSource;
