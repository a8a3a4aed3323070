using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Referral.Core.Cases.Chain;

/// <summary>
/// What a timeline entry vouches for: the state of the case right after the step — the fields people
/// decide by, and a digest of everything else that was referred or recorded (parties, summary,
/// address, risk, outcome text…). Verifying the chain compares the last entry's state with the case
/// as stored, so a row of <c>Cases</c> edited behind the application's back no longer verifies.
/// </summary>
public sealed record CaseState(
    string Status,
    string Color,
    string? Lead,
    IReadOnlyList<string> CoHandlers,
    string? Outcome,
    bool TurnedCriminal,
    Guid? RecurrenceOf,
    string Content)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static CaseState Of(Case c) => new(
        c.Status.ToString(), c.Color.ToString(), c.LeadDepartmentCode, [.. c.CoHandlerCodes], c.Outcome?.ToString(), c.TurnedCriminal,
        c.RecurrenceOfCaseId, ContentDigest(c));

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    /// <summary>A digest of the case's content: equal for equal content, whatever the database's order of columns.</summary>
    private static string ContentDigest(Case c)
    {
        var content = new
        {
            c.StationCode, c.IncidentNumber, OccurredAt = c.OccurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture), c.Address, c.AreaCode,
            c.DisputeTypeCode, c.Summary, c.PoliceAction, c.OfficerName,
            // Amounts without trailing zeros: a provider may store 5000 as 5000.00.
            Risk = c.Risk with { AmountAtStakeYuan = 0 }, Amount = c.Risk.AmountAtStakeYuan.ToString("0.############################", CultureInfo.InvariantCulture),
            Parties = c.Parties.Select(p => new { p.Name, p.Gender, p.Phone, p.IdNumber, p.Address, p.Role }),
            c.AgreementSummary, c.FollowUpCalm, FollowUpSatisfaction = c.FollowUpSatisfaction?.ToString(), c.OnHoldReason,
            c.RejectCount, c.ReopenCount, c.EscalationCount,
            PossibleLinks = c.PossibleLinks.Select(l => new { l.EarlierCaseId, State = l.State.ToString(), l.Reason }),
        };
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(content, Json))));
    }
}
