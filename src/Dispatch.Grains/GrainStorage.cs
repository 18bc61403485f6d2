namespace Dispatch.Grains;

/// <summary>The name under which the host registers grain storage for this project's grains.</summary>
public static class GrainStorage
{
    public const string Name = "dispatch";
}
