namespace Dispatch.Silo.Hosting;

/// <summary>Configuration keys of the silo (section <c>Dispatch</c>; environment variables use <c>__</c>, e.g. <c>Dispatch__DataDir</c>).</summary>
public static class DispatchSettings
{
    public const string DataDir = "Dispatch:DataDir";
    public const string StorageProvider = "Dispatch:Storage:Provider";
    public const string StorageConnectionString = "Dispatch:Storage:ConnectionString";
    public const string StorageApplySchema = "Dispatch:Storage:ApplySchema";
    public const string StorageSynchronous = "Dispatch:Storage:Synchronous";
    public const string StorageGroupCommit = "Dispatch:Storage:GroupCommit";
    public const string ClusterId = "Dispatch:Orleans:ClusterId";
    public const string ServiceId = "Dispatch:Orleans:ServiceId";
    public const string SiloPort = "Dispatch:Orleans:SiloPort";
    public const string GatewayPort = "Dispatch:Orleans:GatewayPort";
    public const string AdvertisedAddress = "Dispatch:Orleans:AdvertisedAddress";
    public const string ProbeTimeout = "Dispatch:Orleans:ProbeTimeout";
    public const string MissedProbesLimit = "Dispatch:Orleans:MissedProbesLimit";
    public const string ResponseTimeout = "Dispatch:Orleans:ResponseTimeout";
    public const string AuthCacheSeconds = "Dispatch:Auth:CacheSeconds";
    public const string NetworkBodyLimitBytes = "Dispatch:Limits:NetworkBodyBytes";
    public const string DefaultBodyLimitBytes = "Dispatch:Limits:DefaultBodyBytes";
    public const string ScenarioBodyLimitBytes = "Dispatch:Limits:ScenarioBodyBytes";
    public const string ScenarioMaxRunningPerKey = "Dispatch:Scenarios:MaxRunningPerKey";
    public const string ScenarioMaxRunning = "Dispatch:Scenarios:MaxRunning";
    public const string SeedNetwork = "Dispatch:SeedNetwork";
    public const string DataProtectionKeysDir = "Dispatch:DataProtection:KeysDir";
    public const string SlaDispatchWithin = "Dispatch:Sla:DispatchWithin";
    public const string SlaEscalateAgainAfter = "Dispatch:Sla:EscalateAgainAfter";
    public const string SlaCloseWithin = "Dispatch:Sla:CloseWithin";

    public const string DefaultDataDirName = ".dispatch-data";
    public const string DefaultUrl = "http://127.0.0.1:5080";
}
