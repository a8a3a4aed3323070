using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Referral.Contracts;
using Referral.Data;
using Referral.Data.Messaging;
using Referral.Service.Infrastructure;

namespace Referral.Service.Messaging;

/// <summary>
/// Publishes outbox rows to the bus. Instances claim rows with a lease, so several share the work
/// without publishing a row twice while it is leased; a row is only marked after the broker
/// confirmed it, so a crash in between re-publishes it with the same message id, which consumers'
/// inboxes recognise. Rows of one case go out in the order they were written.
/// </summary>
public sealed class OutboxRelay(IServiceScopeFactory scopes, IBus bus, OutboxSignal signal, DatabaseState database,
    IOptions<OutboxOptions> options, TimeProvider time, ILogger<OutboxRelay> logger) : BackgroundService
{
    private readonly string _instance = Truncate($"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}", 100);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await database.Migrated.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            int published;
            try
            {
                published = await RelayBatchAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Outbox relay pass failed; trying again");
                published = 0;
                await Task.Delay(options.Value.PollInterval, stoppingToken);
            }
            if (published < options.Value.BatchSize)
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
        }
    }

    /// <summary>Claims, publishes and marks one batch; returns how many rows were published.</summary>
    public async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralDbContext>();
        var now = time.GetUtcNow();

        var candidates = await db.Outbox
            .Where(m => m.PublishedAt == null && m.AvailableAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .Where(m => m.CaseId == null || !db.Outbox.Any(p => p.CaseId == m.CaseId && p.PublishedAt == null && p.Id < m.Id))
            .OrderBy(m => m.Id).Select(m => m.Id).Take(o.BatchSize).ToListAsync(cancellationToken);
        if (candidates.Count == 0) return 0;

        var leaseUntil = now + o.Lease;
        await db.Outbox
            .Where(m => candidates.Contains(m.Id) && m.PublishedAt == null && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, _instance).SetProperty(m => m.LockedUntil, leaseUntil), cancellationToken);
        var claimed = await db.Outbox.AsNoTracking()
            .Where(m => candidates.Contains(m.Id) && m.LockedBy == _instance && m.PublishedAt == null)
            .OrderBy(m => m.Id).ToListAsync(cancellationToken);

        var results = await Task.WhenAll(claimed.Select(m => PublishAsync(m, cancellationToken)));
        var done = claimed.Where((_, i) => results[i] is null).Select(m => m.Id).ToList();
        var publishedAt = time.GetUtcNow();
        if (done.Count > 0)
        {
            await db.Outbox.Where(m => done.Contains(m.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.PublishedAt, publishedAt).SetProperty(m => m.LockedBy, (string?)null)
                    .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), cancellationToken);
        }
        for (var i = 0; i < claimed.Count; i++)
        {
            if (results[i] is not { } error) continue;
            var row = claimed[i];
            var backoff = Backoff(row.Attempts + 1, o.MaxBackoff);
            await db.Outbox.Where(m => m.Id == row.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.AvailableAt, publishedAt + backoff)
                .SetProperty(m => m.LastError, Truncate(error, 2000))
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), cancellationToken);
        }
        return done.Count;
    }

    private async Task<string?> PublishAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        try
        {
            var type = typeof(CaseRouted).Assembly.GetType(row.MessageType)
                       ?? throw new InvalidOperationException($"Unknown message type {row.MessageType}");
            var message = JsonSerializer.Deserialize(row.Body, type, OutboxWriter.Json)!;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.Lease / 2);
            await bus.Publish(message, type, ctx => ctx.MessageId = row.MessageId, timeout.Token);
            return null;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Publishing outbox message {MessageId} ({Type}) failed: {Error}", row.MessageId, row.MessageType, ex.Message);
            return ex.Message;
        }
    }

    /// <summary>Exponential backoff with jitter, capped.</summary>
    private static TimeSpan Backoff(int attempt, TimeSpan max)
    {
        var seconds = Math.Min(max.TotalSeconds, Math.Pow(2, Math.Min(attempt, 16)));
        return TimeSpan.FromSeconds(seconds * (0.5 + Random.Shared.NextDouble() / 2));
    }

    private static string Truncate(string text, int max) => text.Length > max ? text[..max] : text;
}
