using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dispatch.Solver.Documents;
using Microsoft.AspNetCore.DataProtection;

namespace Dispatch.Grains.Incidents;

/// <summary>What a case holds that is private to the customer: who called, how to reach them, their car's VIN,
/// the agent's notes; and the case's own key for its idempotency fingerprint. In memory only while the case grain
/// is active; at rest only as <see cref="CustomerDataProtector.Seal"/> made it.</summary>
public sealed record CustomerData(CustomerDocument? Customer, string? Vin, string? Notes, byte[]? FingerprintKey)
{
    public static CustomerData Of(IncidentRequest request) => new(request.Customer, request.Vin, request.Notes, null);

    /// <summary>The request without anything private in it: what is stored in plain.</summary>
    public static IncidentRequest Strip(IncidentRequest request) => request with { Customer = null, Vin = null, Notes = null };

    public IncidentRequest ApplyTo(IncidentRequest request) => request with { Customer = Customer, Vin = Vin, Notes = Notes };
}

/// <summary>Encrypts customer data at rest with ASP.NET Core Data Protection (purpose <see cref="Purpose"/>) and
/// takes keyed fingerprints, so that neither the case's state nor its idempotency fingerprint holds plain values.</summary>
public sealed class CustomerDataProtector
{
    /// <summary>The Data Protection purpose; a new layout of the sealed payload takes a new version.</summary>
    public const string Purpose = "Dispatch.CustomerData.v1";

    private const int FingerprintKeyBytes = 32;

    private readonly IDataProtector protector;

    public CustomerDataProtector(IDataProtectionProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        protector = provider.CreateProtector(Purpose);
    }

    /// <summary>A fresh random key for one case's fingerprint; it is stored only inside the sealed payload.</summary>
    public static byte[] NewFingerprintKey() => RandomNumberGenerator.GetBytes(FingerprintKeyBytes);

    /// <summary>HMAC-SHA256 of the request's fingerprint text under the case's key.</summary>
    public static byte[] Fingerprint(byte[] key, string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(fingerprint);
        return HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(fingerprint));
    }

    public static bool SameFingerprint(byte[] key, byte[] stored, string fingerprint) =>
        CryptographicOperations.FixedTimeEquals(Fingerprint(key, fingerprint), stored);

    public byte[] Seal(CustomerData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var payload = new SealedPayload
        {
            Customer = data.Customer,
            Vin = data.Vin,
            Notes = data.Notes,
            FingerprintKey = data.FingerprintKey,
        };
        return protector.Protect(JsonSerializer.SerializeToUtf8Bytes(payload, DocumentJson.Options));
    }

    /// <summary>Throws <see cref="CryptographicException"/> when the key ring that sealed it is not there.</summary>
    public CustomerData Unseal(byte[] sealedData)
    {
        ArgumentNullException.ThrowIfNull(sealedData);
        var payload = JsonSerializer.Deserialize<SealedPayload>(protector.Unprotect(sealedData), DocumentJson.Options)
            ?? throw new CryptographicException("The sealed customer data is empty.");
        return new CustomerData(payload.Customer, payload.Vin, payload.Notes, payload.FingerprintKey);
    }

    internal sealed record SealedPayload
    {
        public CustomerDocument? Customer { get; init; }
        public string? Vin { get; init; }
        public string? Notes { get; init; }
        public byte[]? FingerprintKey { get; init; }
    }
}
