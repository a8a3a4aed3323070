using MassTransit;
using Referral.Contracts;
using Referral.Core.Privacy;
using Referral.Data;

namespace Referral.Service.Messaging;

/// <summary>
/// Replaces MassTransit's error transport on our receive endpoints. The message that failed is
/// kept whole in the database (for an admin to re-queue after a fix) and the <c>_error</c> queue
/// gets the reason and a masked copy, so that no unmasked personal data sits in the broker. If
/// the database cannot take it, the filter throws and the broker redelivers: nothing is lost.
/// </summary>
public sealed class DeadLetterFilter(IServiceProvider services, string queue, Func<ExceptionReceiveContext, MessageDeadLettered, Task>? onDeadLettered = null)
    : IFilter<ExceptionReceiveContext>
{
    public async Task Send(ExceptionReceiveContext context, IPipe<ExceptionReceiveContext> next)
    {
        if (IsPassing(context.Exception))
        {
            // The database is down or busy, not the message wrong: hand it back to the broker unharmed
            // (nack, requeue). The endpoint's kill switch pauses consumption while this goes on.
            services.GetRequiredService<ILogger<DeadLetterFilter>>().LogWarning(
                "Message {MessageId} on {Queue} returned to the queue: {Reason}", context.GetMessageId(), queue, ReasonOf(context.Exception));
            if (!context.IsFaulted) await context.NotifyFaulted(context.Exception);
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(context.Exception);
        }
        MessageDeadLettered notice;
        await using (var scope = services.CreateAsyncScope())
        {
            notice = await scope.ServiceProvider.GetRequiredService<DeadLetterWriter>().WriteAsync(
                scope.ServiceProvider.GetRequiredService<ReferralDbContext>(), context.SendEndpointProvider, queue, context.GetMessageId(),
                context.ContentType?.MediaType, DeadLetterWriter.TextOf(context.Body), ReasonOf(context.Exception), context.CancellationToken);
        }
        if (onDeadLettered is not null) await onDeadLettered(context, notice);
        // As MassTransit's own error pipe does: a message that failed before reaching the consumer (not JSON,
        // a value of the wrong type) is not marked faulted yet, so it would count as skipped, be refused with
        // ThrowOnSkippedMessages and come back from the broker, dead-lettered again, forever.
        if (!context.IsFaulted) await context.NotifyFaulted(context.Exception);
        await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("dead-letter");

    /// <summary>A failure that passes by itself (a database outage, a timeout): anywhere in the chain.</summary>
    public static bool IsPassing(Exception exception) => DbErrors.IsTransientAnywhere(exception);

    /// <summary>The exception chain's types and messages, masked: they can quote a value that was sent.</summary>
    public static string ReasonOf(Exception exception)
    {
        var parts = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
            parts.Add($"{e.GetType().Name}: {e.Message}");
        return PersonalData.MaskText(string.Join(" ← ", parts));
    }
}
