namespace Dispatch.Grains.Auth;

/// <summary>The roles an API key can carry (docs/api.md "Authentication and roles"). Admin may do everything the others
/// may.</summary>
public static class ApiRoles
{
    public const string Agent = "agent";
    public const string Planner = "planner";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Agent, Planner, Admin];

    public static bool IsKnown(string? role) => role is Agent or Planner or Admin;
}
