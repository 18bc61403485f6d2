namespace Dispatch.Grains;

/// <summary>Anchor for assembly scanning and references to this assembly.</summary>
public static class GrainsAssembly
{
    public static System.Reflection.Assembly Assembly => typeof(GrainsAssembly).Assembly;
}
