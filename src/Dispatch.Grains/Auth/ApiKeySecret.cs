using System.Security.Cryptography;
using System.Text;

namespace Dispatch.Grains.Auth;

/// <summary>Makes API keys and the hashes they are stored and looked up by.</summary>
public static class ApiKeySecret
{
    private const string Prefix = "dsp_";

    /// <summary>A new key: 256 random bits, URL-safe base64, with a prefix that makes leaked keys easy to grep for.</summary>
    public static string NewKey() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>A short random id for a key record, safe to show and log.</summary>
    public static string NewId() => "key_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>
    /// Lower-case hex SHA-256 of the key. A plain hash is enough: the key already carries 256 bits
    /// of entropy, so there is nothing for a slow, salted hash to protect against.
    /// </summary>
    public static string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
