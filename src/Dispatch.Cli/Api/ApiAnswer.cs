namespace Dispatch.Cli.Api;

/// <summary>One HTTP answer of the scenario API: status, body, and where the resource is when it says so.</summary>
public sealed record ApiAnswer(int Status, string Body, Uri? Location)
{
    public bool IsSuccess => Status is >= 200 and < 300;
}
