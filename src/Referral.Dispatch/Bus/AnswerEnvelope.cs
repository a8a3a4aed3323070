using System.Text.Json;
using Referral.Contracts;
using Referral.Dispatch.Referrals;

namespace Referral.Dispatch.Bus;

/// <summary>
/// Reads the service's answers: MassTransit envelopes (<c>application/vnd.masstransit+json</c>) whose
/// <c>message</c> is a <see cref="ReferralAccepted"/> or <see cref="ReferralRejected"/>.
/// </summary>
internal static class AnswerEnvelope
{
    public const string AcceptedExchange = "Referral.Contracts:ReferralAccepted";
    public const string RejectedExchange = "Referral.Contracts:ReferralRejected";
    private const string AcceptedUrn = "urn:message:" + AcceptedExchange;
    private const string RejectedUrn = "urn:message:" + RejectedExchange;

    /// <summary>The referral message id the answer refers to, and the answer; null for anything else.</summary>
    public static (Guid ReferralMessageId, Answer Answer)? Parse(ReadOnlySpan<byte> body, long receivedAt = 0)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("messageType", out var types) || types.ValueKind != JsonValueKind.Array)
                return null;
            var urns = types.EnumerateArray().Select(t => t.GetString()).ToList();
            if (urns.Contains(AcceptedUrn)) return Accepted(message.Deserialize<ReferralAccepted>(ReferralJson.Options), receivedAt);
            if (urns.Contains(RejectedUrn)) return Rejected(message.Deserialize<ReferralRejected>(ReferralJson.Options), receivedAt);
            return null;
        }
        catch (JsonException)
        {
            // Not ours to understand (another publisher on the exchange): ignore it rather than stop listening.
            return null;
        }
    }

    private static (Guid, Answer)? Accepted(ReferralAccepted? a, long receivedAt)
    {
        if (a?.ReferralMessageId is not { } id) return null;
        var outcome = a.Outcome switch
        {
            "created" => Outcome.Created,
            "duplicate" => Outcome.Duplicate,
            "amended" => Outcome.Amended,
            _ => (Outcome?)null,
        };
        if (outcome is null) return null;
        return (id, new Answer(outcome.Value, a.CaseId, a.Status, a.Color, a.DepartmentCode, ReceivedAt: receivedAt));
    }

    private static (Guid, Answer)? Rejected(ReferralRejected? r, long receivedAt) =>
        r?.ReferralMessageId is { } id ? (id, new Answer(Outcome.Rejected, Errors: r.Errors, ReceivedAt: receivedAt)) : null;
}
