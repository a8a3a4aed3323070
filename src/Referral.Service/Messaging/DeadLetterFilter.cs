using System.Text.Json;
using MassTransit;
using Referral.Contracts;
using Referral.Core.Privacy;
using Referral.Data;
using Referral.Data.Messaging;

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
        var body = context.Body.GetString();
        var (incident, station) = Identify(body);
        var time = services.GetRequiredService<TimeProvider>();
        var letter = new DeadLetter
        {
            MessageId = context.GetMessageId(),
            Queue = queue,
            ContentType = context.ContentType?.MediaType,
            Body = body,
            Reason = Truncate(ReasonOf(context.Exception), 4000),
            IncidentNumber = incident,
            StationCode = station,
            FailedAt = time.GetUtcNow(),
        };
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ReferralDbContext>();
            db.DeadLetters.Add(letter);
            await db.SaveChangesAsync(context.CancellationToken);
        }
        var notice = new MessageDeadLettered
        {
            DeadLetterId = letter.Id,
            MessageId = letter.MessageId,
            Queue = queue,
            Reason = letter.Reason,
            IncidentNumber = incident,
            StationCode = station,
            MaskedBody = PersonalDataJson.Mask(body),
            FailedAt = letter.FailedAt,
        };
        var errorQueue = await context.SendEndpointProvider.GetSendEndpoint(new Uri($"queue:{queue}_error"));
        await errorQueue.Send(notice, ctx =>
        {
            ctx.Headers.Set("MT-Fault-Message", notice.Reason);
            ctx.Headers.Set("MT-Fault-ExceptionType", context.Exception.GetType().FullName);
            ctx.Headers.Set("MT-Reason", "fault");
            ctx.Headers.Set("Referral-DeadLetter-Id", notice.DeadLetterId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }, context.CancellationToken);
        services.GetRequiredService<ILogger<DeadLetterFilter>>().LogWarning(
            "Message {MessageId} on {Queue} dead-lettered as #{DeadLetterId}: {Reason}", letter.MessageId, queue, letter.Id, letter.Reason);
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

    /// <summary>Best effort: the incident and station a body names, even from a MassTransit envelope.</summary>
    private static (string? Incident, string? Station) Identify(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("message", out var inner) && inner.ValueKind == JsonValueKind.Object)
                root = inner;
            return (Text(root, "incidentNumber"), Text(root, "stationCode"));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 and <= 40 } s ? s : null;

    private static string Truncate(string text, int max) => text.Length > max ? text[..max] : text;
}
