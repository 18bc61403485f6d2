using System.Net;
using System.Text;

namespace Dispatch.Silo.Tests;

/// <summary>Customers' names and phone numbers arrive in request bodies; they must never reach the logs.</summary>
public sealed class LogPrivacyTests(SqliteSiloFixture fixture) : IClassFixture<SqliteSiloFixture>
{
    private const string CustomerName = "Qiangba Ciren-Unique";
    private const string CustomerPhone = "+86 139 8901 2345";

    [Fact]
    public async Task RejectedBodies_WithCustomerData_NeverLogged()
    {
        var silo = fixture.Silo;
        var customer = $"\"customer\": {{\"name\": \"{CustomerName}\", \"phone\": \"{CustomerPhone}\"}}";
        using var admin = silo.Admin();
        using var anonymous = silo.Anonymous();

        var bodies = new[]
        {
            $"{{{customer}, \"name\": ",                                  // malformed
            $"{{{customer}, \"name\": 17, \"role\": \"agent\"}}",          // wrong type
            $"{{{customer}, \"name\": \"{new string('x', 1_100_000)}\"}}", // too large
            $"{{{customer}, \"name\": \"ok\", \"role\": \"nobody\"}}",     // invalid
        };
        foreach (var body in bodies)
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await admin.PostAsync("/v1/admin/keys", content);
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}");
        }

        using (var content = new StringContent($"{{{customer}}}", Encoding.UTF8, "application/json"))
        using (var response = await anonymous.PostAsync("/v1/admin/keys", content))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        // The capture does see the host's own lines about these very requests.
        Assert.True(silo.Logs!.Contains("Rejected POST /v1/admin/keys with 400"));
        Assert.False(silo.Logs!.Contains(CustomerPhone), "a phone number was logged");
        Assert.False(silo.Logs!.Contains(CustomerName), "a customer name was logged");
    }
}
