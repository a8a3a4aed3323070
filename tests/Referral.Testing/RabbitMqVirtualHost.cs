using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using RabbitMQ.Client;

namespace Referral.Testing;

/// <summary>
/// A virtual host of its own for one fixture, made through the management API and removed after,
/// so that fixtures never share queues.
/// </summary>
public sealed class RabbitMqVirtualHost : IAsyncDisposable
{
    private readonly HttpClient _http;

    private RabbitMqVirtualHost(string name, HttpClient http)
    {
        Name = name;
        _http = http;
    }

    public string Name { get; }

    public string AmqpUri => $"amqp://guest:guest@{TestEnvironment.RabbitMqHost}:{TestEnvironment.RabbitMqPort}/{Uri.EscapeDataString(Name)}";

    public static async Task<RabbitMqVirtualHost> CreateAsync(string prefix = "referral-test")
    {
        TestEnvironment.RequireRabbitMq();
        var http = new HttpClient { BaseAddress = TestEnvironment.RabbitMqManagement };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("guest:guest")));
        var name = $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(60, prefix.Length + 33)];
        (await http.PutAsync($"api/vhosts/{Uri.EscapeDataString(name)}", null)).EnsureSuccessStatusCode();
        (await http.PutAsJsonAsync($"api/permissions/{Uri.EscapeDataString(name)}/guest", new { configure = ".*", write = ".*", read = ".*" }))
            .EnsureSuccessStatusCode();
        return new RabbitMqVirtualHost(name, http);
    }

    public async Task<IConnection> ConnectAsync() =>
        await new ConnectionFactory { Uri = new Uri(AmqpUri), ClientProvidedName = "referral-tests" }.CreateConnectionAsync();

    /// <summary>Messages waiting in a queue, from the management API.</summary>
    public async Task<int> MessageCountAsync(string queue)
    {
        var info = await _http.GetFromJsonAsync<QueueInfo>($"api/queues/{Uri.EscapeDataString(Name)}/{Uri.EscapeDataString(queue)}");
        return info?.Messages ?? 0;
    }

    private sealed record QueueInfo(int Messages);

    public async ValueTask DisposeAsync()
    {
        await _http.DeleteAsync($"api/vhosts/{Uri.EscapeDataString(Name)}");
        _http.Dispose();
    }
}
