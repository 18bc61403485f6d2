using System.Net;
using System.Text.Json;
using Dispatch.Solver.Documents;

namespace Dispatch.Silo.Tests.Api.Support;

/// <summary>Made-up, distinctive customer data for one test class, so that a match anywhere can only be a leak; and
/// the steps the privacy and audit tests share.</summary>
public sealed record PrivacyProbe(string Tag)
{
    public string Name => $"Yangzom {Tag}-Probe";
    public string Phone => "+86 139 7272 " + Tag.Length.ToString("0000", System.Globalization.CultureInfo.InvariantCulture);
    public string Vin => "LSV" + Tag.ToUpperInvariant() + "PROBE";
    public string Notes => $"{Tag}-Probe notes: red door";

    /// <summary>Parts of the values that no JSON encoder escapes, to search stored or logged text for.</summary>
    public IReadOnlyList<string> Needles => [Name, Phone, Vin, Notes, Tag + "-Probe", Vin[3..]];

    public IncidentRequest Call(string id, int site = 1) => IncidentBodies.FlatTire(SitesNetwork.At(site), id) with
    {
        Vehicle = new VehicleDocument { Model = "Probe-Visible-Model", Powertrain = "ice", TireSpec = IncidentBodies.TireSpec },
        Customer = new CustomerDocument { Name = Name, Phone = Phone },
        Vin = Vin,
        Notes = Notes,
    };

    public void AssertAbsent(string text, string where)
    {
        foreach (var needle in Needles)
        {
            Assert.False(text.Contains(needle, StringComparison.Ordinal), $"'{needle}' appears in {where}");
        }
    }

    /// <summary>Makes a key of the role through the API; answers its id and a client that uses it.</summary>
    public static async Task<(string Id, HttpClient Client)> NewKeyAsync(SiloHarness silo, string role)
    {
        using var admin = silo.Admin();
        var created = await admin.PostJsonAsync("/v1/admin/keys", new { name = role + " (privacy tests)", role }).ExpectAsync(HttpStatusCode.Created);
        return (created.Str("id"), silo.WithKey(created.Str("key")));
    }

    public static async Task<string> AdminKeyIdAsync(SiloHarness silo)
    {
        using var admin = silo.Admin();
        var keys = await admin.GetJsonAsync("/v1/admin/keys");
        return keys.GetProperty("items").EnumerateArray().First(k => k.Str("name") == "admin (first start)").Str("id");
    }

    public static IEnumerable<JsonElement> Items(JsonElement list) => list.GetProperty("items").EnumerateArray();
}
