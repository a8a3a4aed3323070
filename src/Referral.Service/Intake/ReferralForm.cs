using System.Globalization;
using Referral.Contracts;
using Referral.Core.Intake;

namespace Referral.Service.Intake;

/// <summary>
/// The web form of a referral, as posted: every value as text, so that a wrong number is shown back
/// as typed with its error. <see cref="ToReferral"/> makes it the same <see cref="IncidentReferred"/>
/// the API and the bus receive; errors are named by the same field paths (<c>parties[1].phone</c>).
/// </summary>
public sealed class ReferralForm
{
    public const int MinPartyRows = 2;
    public const string AddParty = "add-party";

    public string? IncidentNumber { get; set; }
    public string? OccurredAt { get; set; }
    public string? Address { get; set; }
    public string? AreaCode { get; set; }
    public string? DisputeType { get; set; }
    public string? Summary { get; set; }
    public string? PoliceAction { get; set; }
    public string? OfficerName { get; set; }
    public List<PartyRow> Parties { get; set; } = [];
    public RiskRow Risk { get; set; } = new();

    /// <summary>Which button was pressed: <see cref="AddParty"/>, or submit.</summary>
    public string? Command { get; set; }

    public sealed class PartyRow
    {
        public string? Name { get; set; }
        public string? Gender { get; set; }
        public string? Phone { get; set; }
        public string? IdNumber { get; set; }
        public string? Address { get; set; }
        public string? Role { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Phone)
                                                            && string.IsNullOrWhiteSpace(IdNumber) && string.IsNullOrWhiteSpace(Address);
    }

    public sealed class RiskRow
    {
        public string? PoliceCallsLast30Days { get; set; }
        public bool ThreatsOrWeapons { get; set; }
        public bool Violence { get; set; }
        public bool SelfHarmRisk { get; set; }
        public bool VulnerablePersons { get; set; }
        public string? PartiesCount { get; set; }
        public string? AmountAtStakeYuan { get; set; }
        public bool LeftHome { get; set; }
    }

    /// <summary>At least <see cref="MinPartyRows"/> rows to fill in.</summary>
    public void PadParties()
    {
        while (Parties.Count < MinPartyRows) Parties.Add(new PartyRow { Gender = "未知", Role = "当事人" });
    }

    /// <summary>
    /// The referral this form describes, with the errors of values that are not even of the right kind
    /// (a date or a number that does not read). Blank party rows are left out; <paramref name="partyRows"/>
    /// maps each party sent back to its row on the form.
    /// </summary>
    public IncidentReferred ToReferral(TimeZoneInfo zone, out List<ValidationError> formatErrors, out List<int> partyRows)
    {
        var errors = new List<ValidationError>();
        void Malformed(string field) => errors.Add(new ValidationError(field, "malformed", ErrorText.Format("malformed")));

        DateTimeOffset? occurredAt = null;
        if (!string.IsNullOrWhiteSpace(OccurredAt))
        {
            if (DateTime.TryParse(OccurredAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
                occurredAt = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone.GetUtcOffset(local));
            else Malformed("occurredAt");
        }
        int? Whole(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) return n;
            Malformed(field);
            return null;
        }
        decimal? Amount(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var n)) return n;
            Malformed(field);
            return null;
        }

        partyRows = [];
        var parties = new List<PartyInfo>();
        for (var i = 0; i < Parties.Count; i++)
        {
            var p = Parties[i];
            if (p.IsBlank) continue;
            partyRows.Add(i);
            parties.Add(new PartyInfo { Name = p.Name, Gender = p.Gender, Phone = p.Phone, IdNumber = p.IdNumber, Address = p.Address, Role = p.Role });
        }

        var referral = new IncidentReferred
        {
            IncidentNumber = IncidentNumber,
            OccurredAt = occurredAt,
            Address = Address,
            AreaCode = string.IsNullOrWhiteSpace(AreaCode) ? null : AreaCode,
            DisputeType = DisputeType,
            Summary = Summary,
            PoliceAction = PoliceAction,
            OfficerName = OfficerName,
            Parties = parties,
            Risk = new RiskInfo
            {
                PoliceCallsLast30Days = Whole(Risk.PoliceCallsLast30Days, "risk.policeCallsLast30Days"),
                ThreatsOrWeapons = Risk.ThreatsOrWeapons,
                Violence = Risk.Violence,
                SelfHarmRisk = Risk.SelfHarmRisk,
                VulnerablePersons = Risk.VulnerablePersons,
                PartiesCount = Whole(Risk.PartiesCount, "risk.partiesCount"),
                AmountAtStakeYuan = Amount(Risk.AmountAtStakeYuan, "risk.amountAtStakeYuan"),
                LeftHome = Risk.LeftHome,
            },
        };
        formatErrors = errors;
        return referral;
    }

    /// <summary>"parties[1].phone" of the referral sent → the same field of its row on the form.</summary>
    public static string FieldOnForm(string field, IReadOnlyList<int> partyRows)
    {
        if (!field.StartsWith("parties[", StringComparison.Ordinal)) return field;
        var end = field.IndexOf(']', StringComparison.Ordinal);
        if (end < 0 || !int.TryParse(field.AsSpan(8, end - 8), NumberStyles.None, CultureInfo.InvariantCulture, out var sent) || sent >= partyRows.Count)
            return field;
        return $"parties[{partyRows[sent].ToString(CultureInfo.InvariantCulture)}]{field[(end + 1)..]}";
    }
}
