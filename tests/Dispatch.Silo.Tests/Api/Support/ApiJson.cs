using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dispatch.Solver.Documents;

namespace Dispatch.Silo.Tests.Api.Support;

/// <summary>Sends and reads JSON the way an outside client does: documents written with the API's own options.</summary>
internal static class ApiJson
{
    public static StringContent Body<T>(T value) => Raw(DocumentJson.Write(value));

    public static StringContent Raw(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string path, T value)
    {
        using var content = Body(value);
        return await client.PostAsync(path, content);
    }

    public static async Task<HttpResponseMessage> PutJsonAsync<T>(this HttpClient client, string path, T value)
    {
        using var content = Body(value);
        return await client.PutAsync(path, content);
    }

    public static async Task<HttpResponseMessage> SendRawAsync(this HttpClient client, HttpMethod method, string path, string json)
    {
        using var request = new HttpRequestMessage(method, path) { Content = Raw(json) };
        return await client.SendAsync(request);
    }

    /// <summary>Asserts the status and a JSON body; returns the body.</summary>
    public static async Task<JsonElement> ExpectJsonAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {Shorten(text)}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Sends, asserts the status and JSON body, and disposes the response.</summary>
    public static async Task<JsonElement> ExpectAsync(this Task<HttpResponseMessage> sending, HttpStatusCode status)
    {
        using var response = await sending;
        return await response.ExpectJsonAsync(status);
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path) =>
        await client.GetAsync(path).ExpectAsync(HttpStatusCode.OK);

    /// <summary>The body exactly as the server wrote it, for before/after comparisons.</summary>
    public static async Task<string> GetTextAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {Shorten(text)}");
        return text;
    }

    public static JsonNode Node(string json) => JsonNode.Parse(json)!;

    public static string Shorten(string text) => text.Length <= 2000 ? text : text[..2000] + "…";
}
