using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Referral.Dispatch.Referrals;

namespace Referral.Dispatch.Http;

/// <summary>The HTTP door: <c>POST /api/referrals</c>; the response is the answer.</summary>
internal sealed class HttpDoor : IReferralDoor
{
    private readonly HttpClient _client;

    /// <param name="maxConnections">Connections kept to the service; further requests wait for one.</param>
    public HttpDoor(Uri baseAddress, string apiKey, TimeSpan timeout, int maxConnections)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = maxConnections };
        _client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = timeout };
        // Not checked by the service yet; sent so that stations are ready when it is.
        _client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
    }

    /// <summary>A few requests at once: enough to hide latency without crowding the service.</summary>
    public int ImportConcurrency => 8;

    public async Task<Task<Answer>> SendAsync(OutgoingReferral referral, CancellationToken cancellationToken)
    {
        using var content = new ReadOnlyMemoryContent(referral.Body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        try
        {
            using var response = await _client.PostAsync("api/referrals", content, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return Task.FromResult(ReceiptReader.Read(response.StatusCode, text, Stopwatch.GetTimestamp()));
        }
        catch (HttpRequestException ex) when (ex.InnerException is SocketException || ex.HttpRequestError == HttpRequestError.ConnectionError)
        {
            throw new DoorUnavailableException($"cannot reach the service at {_client.BaseAddress}: {ex.Message}", ex);
        }
        catch (HttpRequestException ex)
        {
            return Task.FromResult(Answer.Failed($"HTTP request failed: {ex.Message}"));
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return Task.FromResult(Answer.Failed($"no response within {_client.Timeout.TotalSeconds:0} s ({ex.GetType().Name})"));
        }
    }

    /// <summary>Nothing to reopen: each request connects anew, so the next one may simply be tried.</summary>
    public Task<bool> ReconnectAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    /// <summary>Every answer came with its response.</summary>
    public Task DrainAsync(TimeSpan quiet, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ExpireWhenQuietAsync(TimeSpan quiet, CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
