using Dispatch.Cli.Api;
using Dispatch.Cli.Input;

namespace Dispatch.Cli.Running;

/// <summary>Opens the backend the options ask for.</summary>
public static class BackendFactory
{
    public static IScenarioBackend Open(InputSource source) => source switch
    {
        NetworkFileSource file => LocalBackend.Open(file.Path),
        RemoteSource remote => RemoteBackend.Open(remote),
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "unknown input source"),
    };
}
