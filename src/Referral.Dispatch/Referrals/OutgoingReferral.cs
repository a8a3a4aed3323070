using System.Text.Json;
using Referral.Contracts;

namespace Referral.Dispatch.Referrals;

/// <summary>A referral ready to send: the exact body and the message id derived from it.</summary>
internal sealed record OutgoingReferral(string IncidentNumber, string StationCode, ReadOnlyMemory<byte> Body, Guid MessageId)
{
    /// <param name="defaultStation">Fills <see cref="IncidentReferred.StationCode"/> when the referral has none.</param>
    public static OutgoingReferral Of(IncidentReferred referral, string defaultStation)
    {
        if (string.IsNullOrWhiteSpace(referral.StationCode)) referral = referral with { StationCode = defaultStation };
        var body = JsonSerializer.SerializeToUtf8Bytes(referral, ReferralJson.Options);
        var station = referral.StationCode!;
        var incident = referral.IncidentNumber ?? "";
        return new OutgoingReferral(incident, station, body, MessageIds.For(station, incident, body));
    }
}
