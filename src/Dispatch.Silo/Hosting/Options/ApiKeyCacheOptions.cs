using System.ComponentModel.DataAnnotations;

namespace Dispatch.Silo.Hosting;

/// <summary>How long a silo trusts its copy of the key registry (section <c>Dispatch:Auth</c>); see <c>ApiKeyCache</c>.</summary>
public sealed class ApiKeyCacheOptions
{
    public const string Section = "Dispatch:Auth";

    /// <summary>0 asks the registry on every request; a revoked key works elsewhere for up to this long.</summary>
    [Range(0, int.MaxValue, ErrorMessage = DispatchSettings.AuthCacheSeconds + " must be 0 or more seconds.")]
    public int CacheSeconds { get; set; } = 10;
}
