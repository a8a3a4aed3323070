using MassTransit;
using Referral.Contracts;
using Referral.Core.Privacy;
using Referral.Data;
using Referral.Data.Messaging;

namespace Referral.Service.Messaging;

/// <summary>
/// Keeps a message that can never succeed: the original in the database (to re-queue after a fix),
/// and a masked copy with the reason on the queue's <c>_error</c> queue.
/// </summary>
public sealed class DeadLetterWriter(TimeProvider time, ILogger<DeadLetterWriter> logger)
{
    public async Task<MessageDeadLettered> WriteAsync(ReferralDbContext db, ISendEndpointProvider send, string queue, Guid? messageId,
        string? contentType, string body, string reason, CancellationToken cancellationToken)
    {
        var (incident, station) = Identify(body);
        var letter = new DeadLetter
        {
            MessageId = messageId,
            Queue = queue,
            ContentType = contentType,
            Body = body,
            Reason = reason.Length > 4000 ? reason[..4000] : reason,
            IncidentNumber = incident,
            StationCode = station,
            FailedAt = time.GetUtcNow(),
        };
        db.DeadLetters.Add(letter);
        await db.SaveChangesAsync(cancellationToken);
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
        var errorQueue = await send.GetSendEndpoint(new Uri($"queue:{queue}_error"));
        await errorQueue.Send(notice, ctx =>
        {
            ctx.Headers.Set("MT-Fault-Message", notice.Reason);
            ctx.Headers.Set("MT-Reason", "fault");
            ctx.Headers.Set("Referral-DeadLetter-Id", notice.DeadLetterId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }, cancellationToken);
        logger.LogWarning("Message {MessageId} on {Queue} dead-lettered as #{DeadLetterId}: {Reason}", messageId, queue, letter.Id, letter.Reason);
        return notice;
    }

    /// <summary>
    /// The body as text for keeping. Bytes that are not UTF-8 become U+FFFD instead of throwing: MassTransit's own
    /// <see cref="MessageBody.GetString"/> throws on them, and a dead-letter filter that throws sends the message
    /// back to the broker, which redelivers it at once, forever.
    /// </summary>
    public static string TextOf(MessageBody body) => System.Text.Encoding.UTF8.GetString(body.GetBytes());

    /// <summary>Best effort: the incident and station a body names, even from a MassTransit envelope.</summary>
    private static (string? Incident, string? Station) Identify(string body)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == System.Text.Json.JsonValueKind.Object && root.TryGetProperty("message", out var inner)
                && inner.ValueKind == System.Text.Json.JsonValueKind.Object)
                root = inner;
            return (Text(root, "incidentNumber"), Text(root, "stationCode"));
        }
        catch (System.Text.Json.JsonException)
        {
            return (null, null);
        }
    }

    private static string? Text(System.Text.Json.JsonElement element, string name) =>
        element.ValueKind == System.Text.Json.JsonValueKind.Object && element.TryGetProperty(name, out var value)
        && value.ValueKind == System.Text.Json.JsonValueKind.String && value.GetString() is { Length: > 0 and <= 40 } s ? s : null;
}
