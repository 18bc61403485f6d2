namespace Dispatch.Grains.Incidents;

/// <summary>Why a case's customer data is erased; the timeline's <c>customerErased</c> entry says which.</summary>
[GenerateSerializer]
public enum ErasureReason
{
    /// <summary>An admin asked (<c>DELETE /v1/incidents/{id}/customer</c>).</summary>
    Request,

    /// <summary>The case has been closed for longer than <c>Dispatch:Privacy:RetainClosedFor</c>.</summary>
    Retention,
}
