namespace Dispatch.Load.Measurement;

/// <summary>The HTTP calls the operations are made of, measured one by one from their own send time.</summary>
public enum RequestKind
{
    Recommend,
    CreateIncident,
    Dispatch,
    Event,
    Cancel,
    Stock,
    ReadIncident,
    CreateAutoDispatch,
    Bare,
}

public static class RequestKindNames
{
    public static string Name(this RequestKind kind) => kind switch
    {
        RequestKind.Recommend => "POST /v1/recommendations",
        RequestKind.CreateIncident => "POST /v1/incidents",
        RequestKind.Dispatch => "POST /v1/incidents/{id}/dispatch",
        RequestKind.Event => "POST /v1/incidents/{id}/events",
        RequestKind.Cancel => "POST /v1/incidents/{id}/events (cancelled)",
        RequestKind.Stock => "POST /v1/centers/{id}/stock",
        RequestKind.ReadIncident => "GET /v1/incidents/{id}",
        RequestKind.CreateAutoDispatch => "POST /v1/incidents (autoDispatch)",
        RequestKind.Bare => "POST /bare",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
