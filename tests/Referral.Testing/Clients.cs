using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Referral.Testing;

/// <summary>HTTP clients signed in as the demo station system or a demo user.</summary>
public static class Clients
{
    public const string DemoPassword = "Demo!2026";
    public const string DemoApiKey = "demo-gutang-key";

    public static HttpClient CreateStationClient(this ReferralApp app, string apiKey = DemoApiKey)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    /// <summary>Signs in through POST /api/auth/login and sends the bearer token on every request.</summary>
    public static async Task<HttpClient> CreateUserClientAsync(this ReferralApp app, string userName, string password = DemoPassword)
    {
        var client = app.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password });
        Assert.That(response.IsSuccessStatusCode, Is.True, $"sign-in as {userName} failed: {(int)response.StatusCode}");
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
