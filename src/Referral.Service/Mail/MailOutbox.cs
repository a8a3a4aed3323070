using Microsoft.EntityFrameworkCore;
using Referral.Data;
using Referral.Data.Messaging;

namespace Referral.Service.Mail;

/// <summary>A message to someone, rendered, ready to be queued.</summary>
public sealed record MailDraft(string Key, string Kind, string ToAddress, string ToName, string Subject, string TextBody, string HtmlBody);

/// <summary>Queues emails in the database with the change that causes them; the relay sends them.</summary>
public sealed class MailOutbox(TimeProvider time, MailSignal signal)
{
    public void Add(ReferralDbContext db, MailDraft draft)
    {
        var now = time.GetUtcNow();
        db.OutgoingMail.Add(new OutgoingMail
        {
            Key = draft.Key,
            Kind = draft.Kind,
            ToAddress = draft.ToAddress,
            ToName = draft.ToName,
            Subject = draft.Subject,
            TextBody = draft.TextBody,
            HtmlBody = draft.HtmlBody,
            MessageId = $"{Guid.NewGuid():N}@referral",
            CreatedAt = now,
            AvailableAt = now,
        });
    }

    /// <summary>
    /// Queues the draft unless one with its key exists: a second run of a job, or a second instance,
    /// queues nothing more. Returns whether this call queued it.
    /// </summary>
    public async Task<bool> AddOnceAsync(ReferralDbContext db, MailDraft draft, CancellationToken cancellationToken)
    {
        if (await db.OutgoingMail.AnyAsync(m => m.Key == draft.Key, cancellationToken)) return false;
        Add(db, draft);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            return false;
        }
        signal.Notify();
        return true;
    }

    public void Notify() => signal.Notify();
}

/// <summary>Wakes the mail relay right after mail was queued.</summary>
public sealed class MailSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            if (_signal.CurrentCount == 0) _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
