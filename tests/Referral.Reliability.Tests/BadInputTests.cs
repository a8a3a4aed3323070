using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using Referral.Reliability.Tests.Support;

namespace Referral.Reliability.Tests;

/// <summary>
/// Bad input: over a thousand generated malformed referrals over HTTP and over the raw bus. No 5xx, each
/// one a clear error (a 400 naming fields, or 413 past the size limit — which a client still sending may
/// see as the connection closing; a dead letter with its reason on the bus), nothing stored, and the
/// service ready after.
/// </summary>
public sealed class BadInputTests : FaultTest
{
    private const int Count = 1_200;

    [Test]
    public async Task Malformed_referrals_over_http_and_the_raw_bus_get_clear_errors_and_store_nothing()
    {
        var vhost = await Node.AddVirtualHostAsync("bad-input");
        var service = Service(vhost);
        await service.StartAndWaitReadyAsync();
        var casesBefore = await Ledger.ScalarAsync(service.DatabaseFile, "SELECT COUNT(*) FROM Cases");

        // Over HTTP.
        var overHttp = MalformedReferrals.Generate(Count, seed: 1, $"BADH{DateTime.UtcNow:HHmmss}");
        var statuses = new ConcurrentDictionary<int, int>();
        var unclear = new ConcurrentBag<string>();
        using var station = service.StationClient();
        await Parallel.ForEachAsync(overHttp, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (bad, cancellationToken) =>
        {
            using var content = new ByteArrayContent(bad.Body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            HttpResponseMessage response;
            try
            {
                response = await station.PostAsync("api/referrals", content, cancellationToken);
            }
            catch (HttpRequestException ex) when (bad.Body.Length > MaxBodyBytes)
            {
                // Past the limit the service answers 413 and closes the connection without reading the rest: a
                // client still writing sees the connection break before it reads the answer. That is a refusal
                // (nothing stored and the service ready are asserted below); under the limit it would be a failure.
                statuses.AddOrUpdate(RefusedWhileSending, 1, (_, n) => n + 1);
                TestContext.Progress.WriteLine($"{bad.Kind} ({bad.What}, {bad.Body.Length} bytes): refused while sending ({ex.Message})");
                return;
            }
            using (response)
            {
                var status = (int)response.StatusCode;
                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                if (!IsClear(status, bad.Body.Length, response.Content.Headers.ContentType?.MediaType, text))
                    unclear.Add($"{bad.Kind} ({bad.What}, {bad.Body.Length} bytes): {status} {text[..Math.Min(300, text.Length)]}");
            }
        });
        TestContext.Progress.WriteLine($"HTTP: {overHttp.Count} malformed referrals ({Kinds(overHttp)}) answered " +
                                       string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Value}× {Name(s.Key)}")));
        Assert.That(statuses.Keys.Where(s => s >= 500), Is.Empty, "no 5xx");
        Assert.That(unclear, Is.Empty, "each one a clear error");

        // Over the raw bus.
        var overBus = MalformedReferrals.Generate(Count, seed: 2, $"BADB{DateTime.UtcNow:HHmmss}", comments: false);
        var lettersBefore = await Ledger.ScalarAsync(service.DatabaseFile, "SELECT COUNT(*) FROM DeadLetters");
        await using (var publisher = await RawPublisher.ConnectAsync(Node.Amqp(vhost)))
            foreach (var bad in overBus)
                await publisher.PublishAsync(bad.Body, Guid.NewGuid());
        var clock = System.Diagnostics.Stopwatch.StartNew();
        long letters;
        while ((letters = await Ledger.ScalarAsync(service.DatabaseFile, "SELECT COUNT(*) FROM DeadLetters") - lettersBefore) < overBus.Count
               && clock.Elapsed < TimeSpan.FromMinutes(3))
            await Task.Delay(1000);
        var reasonless = await Ledger.ScalarAsync(service.DatabaseFile, "SELECT COUNT(*) FROM DeadLetters WHERE Reason IS NULL OR TRIM(Reason) = ''");
        TestContext.Progress.WriteLine($"bus: {overBus.Count} malformed referrals ({Kinds(overBus)}): {letters} dead letters, {reasonless} without a reason");
        Assert.That(letters, Is.EqualTo(overBus.Count), "each one dead-lettered once, with its reason");
        Assert.That(reasonless, Is.Zero);

        Assert.That(await Ledger.ScalarAsync(service.DatabaseFile, "SELECT COUNT(*) FROM Cases"), Is.EqualTo(casesBefore), "nothing stored");
        var (ready, body) = await service.ReadinessAsync();
        Assert.That(ready, Is.EqualTo(200), body);
        var line = $"[bad-input] profile={Profile.Name} http={overHttp.Count} ({string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Value}x{Name(s.Key)}"))}) " +
                   $"bus={overBus.Count} dead_letters={letters} stored=0 5xx=0";
        File.AppendAllText(Path.Combine(Path.GetTempPath(), "referral-faults-figures.txt"), $"{DateTime.UtcNow:O} {line}\n");
    }

    /// <summary>The service's limit on a referral's body (RateLimits.MaxReferralBytes).</summary>
    private const int MaxBodyBytes = 256 * 1024;

    /// <summary>Counted with the status codes: the connection closed by the service's 413 while the body was still being sent.</summary>
    private const int RefusedWhileSending = 0;

    /// <summary>A 400 problem naming at least one field with a message, or 413 for a body past the limit.</summary>
    private static bool IsClear(int status, int bodyBytes, string? mediaType, string text)
    {
        if (status == 413) return bodyBytes > MaxBodyBytes;
        if (status != 400 || mediaType != "application/problem+json") return false;
        using var problem = JsonDocument.Parse(text);
        return problem.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object
               && errors.EnumerateObject().Any(e => e.Value.EnumerateArray().Any(m => m.GetString() is { Length: > 0 }));
    }

    private static string Name(int status) => status == RefusedWhileSending ? "413-while-sending" : status.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Kinds(IEnumerable<Malformed> list) =>
        string.Join(", ", list.GroupBy(m => m.Kind).Select(g => $"{g.Count()} {g.Key}"));
}
