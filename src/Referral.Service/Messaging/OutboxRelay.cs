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
            if (published == 0) await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
        }
    }

    /// <summary>Claims, publishes and marks one batch; returns how many rows were published.</summary>
    public async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralDbContext>();
        var now = time.GetUtcNow();

        // The oldest unpublished row of each case is its head; a case is relayed head first, whole.
        var heads = await db.Outbox
            .Where(m => m.PublishedAt == null && m.AvailableAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .Where(m => m.CaseId == null || !db.Outbox.Any(p => p.CaseId == m.CaseId && p.PublishedAt == null && p.Id < m.Id))
            .OrderBy(m => m.Id).Select(m => new { m.Id, m.CaseId }).Take(o.BatchSize).ToListAsync(cancellationToken);
        if (heads.Count == 0) return 0;
        var headIds = heads.Select(h => h.Id).ToList();
        var caseIds = heads.Where(h => h.CaseId != null).Select(h => h.CaseId!.Value).Distinct().ToList();

        var leaseUntil = now + o.Lease;
        await db.Outbox
            .Where(m => m.PublishedAt == null && m.AvailableAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .Where(m => headIds.Contains(m.Id) || (m.CaseId != null && caseIds.Contains(m.CaseId.Value)))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, _instance).SetProperty(m => m.LockedUntil, leaseUntil), cancellationToken);
        var claimed = await db.Outbox.AsNoTracking()
            .Where(m => m.LockedBy == _instance && m.PublishedAt == null && (headIds.Contains(m.Id) || (m.CaseId != null && caseIds.Contains(m.CaseId.Value))))
            .OrderBy(m => m.Id).ToListAsync(cancellationToken);

        // A group whose first row is not a head lost its head to another instance in between: leave it.
        var groups = claimed.GroupBy(m => m.CaseId ?? Guid.Empty).SelectMany(g => g.Key == Guid.Empty ? g.Select(m => new[] { m }) : [g.ToArray()])
            .Where(g => headIds.Contains(g[0].Id)).ToList();
        var outcomes = await Task.WhenAll(groups.Select(g => PublishInOrderAsync(g, cancellationToken)));

        var published = outcomes.SelectMany(r => r.Published).ToList();
        var publishedAt = time.GetUtcNow();
        if (published.Count > 0)
        {
            await db.Outbox.Where(m => published.Contains(m.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.PublishedAt, publishedAt).SetProperty(m => m.LockedBy, (string?)null)
                    .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), cancellationToken);
        }
        foreach (var (row, error) in outcomes.Where(r => r.Failed is not null).Select(r => (r.Failed!, r.Error!)))
        {
            var backoff = Backoff(row.Attempts + 1, o.MaxBackoff);
            await db.Outbox.Where(m => m.Id == row.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.AvailableAt, publishedAt + backoff)
                .SetProperty(m => m.LastError, Truncate(error, 2000)), cancellationToken);
        }
        // Whatever this pass did not publish goes back to the pool now rather than at the end of the lease.
        var release = claimed.Select(m => m.Id).Except(published).ToList();
        if (release.Count > 0)
        {
            await db.Outbox.Where(m => release.Contains(m.Id) && m.LockedBy == _instance)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, (string?)null).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null),
                    cancellationToken);
        }
        return published.Count;
    }

    private sealed record GroupOutcome(List<long> Published, OutboxMessage? Failed, string? Error);

    /// <summary>Publishes one case's rows in order, stopping at the first failure.</summary>
    private async Task<GroupOutcome> PublishInOrderAsync(OutboxMessage[] rows, CancellationToken cancellationToken)
    {
        var published = new List<long>();
        foreach (var row in rows)
        {
            if (await PublishAsync(row, cancellationToken) is { } error) return new GroupOutcome(published, row, error);
            published.Add(row.Id);
        }
        return new GroupOutcome(published, null, null);
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
