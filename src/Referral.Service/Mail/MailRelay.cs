using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Referral.Data;
using Referral.Data.Messaging;
using Referral.Service.Infrastructure;

namespace Referral.Service.Mail;

/// <summary>
/// Sends queued mail. Rows are claimed with a lease (several instances share the work), sent with
/// Polly (quick retries with jittered backoff, and a circuit breaker that stops hammering a server
/// that is down), and marked sent. A send that still fails goes back with a growing delay: pending
/// mail survives restarts and outages and is never dropped. The Message-ID stays the same across
/// retries.
/// </summary>
public sealed class MailRelay(IServiceScopeFactory scopes, IMailSender sender, MailSignal signal, DatabaseState database,
    IOptions<MailOptions> options, TimeProvider time, ILogger<MailRelay> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(10);
    private const int BatchSize = 50;
    private readonly string _instance = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    private readonly ResiliencePipeline _send = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
            MaxRetryAttempts = 3,
            Delay = TimeSpan.FromMilliseconds(500),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
        })
        .AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
            FailureRatio = 0.5,
            MinimumThroughput = 4,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = TimeSpan.FromSeconds(30),
        })
        .Build();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await database.Migrated.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var sent = 0;
            try
            {
                sent = await SendBatchAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Mail relay pass failed; trying again");
            }
            if (sent == 0) await signal.WaitAsync(Poll, stoppingToken);
        }
    }

    /// <summary>Claims and sends one batch; returns how many were sent.</summary>
    public async Task<int> SendBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralDbContext>();
        var now = time.GetUtcNow();
        var ids = await db.OutgoingMail
            .Where(m => m.SentAt == null && m.AvailableAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.Id).Select(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
        if (ids.Count == 0) return 0;
        var until = now + Lease;
        await db.OutgoingMail.Where(m => ids.Contains(m.Id) && m.SentAt == null && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, _instance).SetProperty(m => m.LockedUntil, until), cancellationToken);
        var claimed = await db.OutgoingMail.AsNoTracking().Where(m => ids.Contains(m.Id) && m.LockedBy == _instance && m.SentAt == null)
            .OrderBy(m => m.Id).ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var mail in claimed)
        {
            try
            {
                await _send.ExecuteAsync(async token =>
                {
                    // Disposed here: an undisposed message leaves its parts to the finalizer thread, a cost paid on every mail.
                    using var message = Compose(mail);
                    await sender.SendAsync(message, token);
                }, cancellationToken);
                var at = time.GetUtcNow();
                await db.OutgoingMail.Where(m => m.Id == mail.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, at)
                    .SetProperty(m => m.LockedBy, (string?)null).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), cancellationToken);
                sent++;
            }
            catch (BrokenCircuitException) when (!cancellationToken.IsCancellationRequested)
            {
                // Not tried at all: the breaker holds every send back while the server is down. The rest of the batch
                // is released at once (not left leased for minutes) and keeps its attempt count and its place.
                var unsent = claimed.Select(m => m.Id).ToList();
                await db.OutgoingMail.Where(m => unsent.Contains(m.Id) && m.LockedBy == _instance && m.SentAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, (string?)null).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null),
                        cancellationToken);
                break;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                var delay = TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, 15 * Math.Pow(2, Math.Min(mail.Attempts, 10))));
                var retryAt = time.GetUtcNow() + delay;
                var error = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
                await db.OutgoingMail.Where(m => m.Id == mail.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.AvailableAt, retryAt).SetProperty(m => m.LastError, error)
                    .SetProperty(m => m.LockedBy, (string?)null).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), cancellationToken);
                logger.LogWarning("Mail #{MailId} ({Kind}) to {Recipient} not sent ({Error}); retrying at {RetryAt}",
                    mail.Id, mail.Kind, mail.ToAddress, ex.Message, retryAt);
            }
        }
        return sent;
    }

    private MimeMessage Compose(OutgoingMail mail)
    {
        var o = options.Value;
        var message = new MimeMessage { Subject = mail.Subject, MessageId = mail.MessageId, Date = mail.CreatedAt };
        message.From.Add(new MailboxAddress(o.FromName, o.FromAddress));
        message.To.Add(new MailboxAddress(mail.ToName, mail.ToAddress));
        message.Headers.Add("X-Referral-Kind", mail.Kind);
        message.Body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody }.ToMessageBody();
        return message;
    }

    private static bool IsTransient(Exception ex) => ex is IOException or SocketException or TimeoutException or ServiceNotConnectedException
        or ProtocolException or SmtpProtocolException
        or SmtpCommandException { StatusCode: >= SmtpStatusCode.ServiceNotAvailable and < SmtpStatusCode.CommandUnrecognized };
}
