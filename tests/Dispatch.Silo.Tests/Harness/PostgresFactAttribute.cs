namespace Dispatch.Silo.Tests.Harness;

/// <summary>A fact that runs only when <c>DISPATCH_TEST_POSTGRES</c> holds a connection string (test.sh provides one).</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "DISPATCH_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            Skip = $"{Variable} is not set: no PostgreSQL to test against.";
        }
    }

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable);
}
