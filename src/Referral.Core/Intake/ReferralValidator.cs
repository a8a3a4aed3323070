using Referral.Contracts;
using Referral.Core.Cases;
using Referral.Core.Reference;
using Referral.Core.Grading;
using Referral.Core.Privacy;

namespace Referral.Core.Intake;

/// <summary>
/// Checks a referral from any door and turns it into a <see cref="ValidReferral"/>; every problem is
/// reported at once, each naming its field.
/// </summary>
public sealed class ReferralValidator(IReferenceData reference)
{
    /// <param name="boundStationCode">The station an API key is bound to, if the referral came with one.</param>
    public ValidReferral Validate(IncidentReferred input, DateTimeOffset now, string? boundStationCode = null)
    {
        var errors = new List<ValidationError>();
        void Fail(string field, string code, params object[] args) =>
            errors.Add(new ValidationError(field, code, ErrorText.Format(code, args)));

        var incidentNumber = RequiredText(input.IncidentNumber, "incidentNumber", ReferralLimits.IncidentNumber, Fail);
        if (incidentNumber is not null && !incidentNumber.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '/'))
            Fail("incidentNumber", "incident-number-format");

        var stationCode = CheckStation(input.StationCode?.Trim(), boundStationCode, Fail);
        var occurredAt = CheckOccurredAt(input.OccurredAt, now, Fail);
        var address = RequiredText(input.Address, "address", ReferralLimits.Address, Fail);
        var areaCode = OptionalText(input.AreaCode, "areaCode", ReferralLimits.Code, Fail);
        if (areaCode is not null && reference.Areas.All(a => !a.Code.Equals(areaCode, StringComparison.OrdinalIgnoreCase)))
            Fail("areaCode", "unknown-area");

        var disputeTypeText = RequiredText(input.DisputeType, "disputeType", ReferralLimits.Code, Fail);
        var disputeType = disputeTypeText is null ? null : reference.FindDisputeType(disputeTypeText);
        if (disputeTypeText is not null && disputeType is null) Fail("disputeType", "unknown-dispute-type");

        var summary = RequiredText(input.Summary, "summary", ReferralLimits.Summary, Fail, multiline: true);
        var policeAction = RequiredText(input.PoliceAction, "policeAction", ReferralLimits.PoliceAction, Fail, multiline: true);
        var officer = OptionalText(input.OfficerName, "officerName", ReferralLimits.PersonName, Fail);
        var parties = CheckParties(input.Parties, IdCardNumber.LatestDate(now), Fail);
        var risk = CheckRisk(input.Risk, Fail);

        if (errors.Count > 0) throw new ReferralValidationException(errors);
        return new ValidReferral
        {
            IncidentNumber = incidentNumber!,
            StationCode = stationCode!,
            OccurredAt = WholeMilliseconds(occurredAt!.Value.ToUniversalTime()),
            Address = address!,
            AreaCode = areaCode is null ? null : reference.Areas.First(a => a.Code.Equals(areaCode, StringComparison.OrdinalIgnoreCase)).Code,
            DisputeTypeCode = disputeType!.Code,
            Summary = summary!,
            PoliceAction = policeAction!,
            OfficerName = officer,
            Parties = parties,
            Risk = risk,
        };
    }

    private string? CheckStation(string? stationCode, string? boundStationCode, Action<string, string, object[]> fail)
    {
        if (string.IsNullOrEmpty(stationCode))
        {
            if (boundStationCode is not null) return boundStationCode;
            fail("stationCode", "required", []);
            return null;
        }
        if (stationCode.Length > ReferralLimits.Code || reference.FindStation(stationCode) is not { IsActive: true } station)
        {
            fail("stationCode", "unknown-station", []);
            return null;
        }
        if (boundStationCode is not null && !station.Code.Equals(boundStationCode, StringComparison.OrdinalIgnoreCase))
        {
            fail("stationCode", "station-mismatch", []);
            return null;
        }
        return station.Code;
    }

    private static DateTimeOffset? CheckOccurredAt(DateTimeOffset? occurredAt, DateTimeOffset now, Action<string, string, object[]> fail)
    {
        if (occurredAt is null) fail("occurredAt", "required", []);
        else if (occurredAt > now + ReferralLimits.FutureTolerance) fail("occurredAt", "in-future", []);
        else if (occurredAt < now - ReferralLimits.MaxAge) fail("occurredAt", "too-old", []);
        else return occurredAt;
        return null;
    }

    /// <summary>
    /// Finer than the database keeps (SQLite: 100 µs), a time read back would differ from the one
    /// sent, and a re-sent referral would be recorded as an amendment of its incident time.
    /// </summary>
    private static DateTimeOffset WholeMilliseconds(DateTimeOffset utc) =>
        new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);

    private static List<Party> CheckParties(IReadOnlyList<PartyInfo>? input, DateOnly today, Action<string, string, object[]> fail)
    {
        var parties = new List<Party>();
        if (input is null || input.Count == 0)
        {
            fail("parties", "no-parties", []);
            return parties;
        }
        if (input.Count > ReferralLimits.MaxParties)
        {
            fail("parties", "too-many-parties", [ReferralLimits.MaxParties]);
            return parties;
        }
        for (var i = 0; i < input.Count; i++)
        {
            var p = input[i];
            var prefix = $"parties[{i}]";
            if (p is null)
            {
                fail(prefix, "required", []);
                continue;
            }
            var name = RequiredText(p.Name, $"{prefix}.name", ReferralLimits.PersonName, fail);
            var gender = CheckGender(p.Gender, $"{prefix}.gender", fail);
            var phone = CheckPhone(p.Phone, $"{prefix}.phone", fail);
            var id = CheckIdNumber(p.IdNumber, today, $"{prefix}.idNumber", fail);
            var address = OptionalText(p.Address, $"{prefix}.address", ReferralLimits.Address, fail);
            var role = OptionalText(p.Role, $"{prefix}.role", ReferralLimits.Role, fail);
            if (name is not null)
                parties.Add(new Party { Name = name, Gender = gender, Phone = phone, IdNumber = id, Address = address, Role = role ?? "当事人" });
        }
        return parties;
    }

    private static string CheckGender(string? text, string field, Action<string, string, object[]> fail)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "未知" or "unknown" or "u": return "未知";
            case "男" or "male" or "m": return "男";
            case "女" or "female" or "f": return "女";
            default: fail(field, "bad-gender", []); return "未知";
        }
    }

    private static string? CheckPhone(string? text, string field, Action<string, string, object[]> fail)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var phone = MobileNumber.Normalize(text);
        if (phone is null) fail(field, "bad-phone", []);
        return phone;
    }

    private static string? CheckIdNumber(string? text, DateOnly today, string field, Action<string, string, object[]> fail)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var problem = IdCardNumber.Check(text, today, out var id);
        var code = problem switch
        {
            IdCardNumber.Problem.None => null,
            IdCardNumber.Problem.Length => "bad-id-length",
            IdCardNumber.Problem.Characters => "bad-id-characters",
            IdCardNumber.Problem.BirthDate => "bad-id-birthdate",
            IdCardNumber.Problem.BirthInFuture => "bad-id-future-birthdate",
            _ => "bad-id-check",
        };
        if (code is null) return id;
        fail(field, code, []);
        return null;
    }

    private static RiskAssessment CheckRisk(RiskInfo? risk, Action<string, string, object[]> fail)
    {
        if (risk is null) return new RiskAssessment();
        void Range(decimal? value, string field, decimal max)
        {
            if (value is < 0 || value > max) fail($"risk.{field}", "out-of-range", [0, max]);
        }
        Range(risk.PoliceCallsLast30Days, "policeCallsLast30Days", ReferralLimits.MaxPoliceCalls);
        Range(risk.PartiesCount, "partiesCount", ReferralLimits.MaxPartiesCount);
        Range(risk.AmountAtStakeYuan, "amountAtStakeYuan", ReferralLimits.MaxAmountYuan);
        return new RiskAssessment
        {
            PoliceCallsLast30Days = risk.PoliceCallsLast30Days ?? 0,
            ThreatsOrWeapons = risk.ThreatsOrWeapons ?? false,
            Violence = risk.Violence ?? false,
            SelfHarmRisk = risk.SelfHarmRisk ?? false,
            VulnerablePersons = risk.VulnerablePersons ?? false,
            PartiesCount = risk.PartiesCount ?? 0,
            AmountAtStakeYuan = risk.AmountAtStakeYuan ?? 0,
            LeftHome = risk.LeftHome ?? false,
        };
    }

    private static string? RequiredText(string? text, string field, int max, Action<string, string, object[]> fail, bool multiline = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            fail(field, "required", []);
            return null;
        }
        return OptionalText(text, field, max, fail, multiline);
    }

    private static string? OptionalText(string? text, string field, int max, Action<string, string, object[]> fail, bool multiline = false)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var trimmed = text.Trim();
        if (trimmed.Length > max)
        {
            fail(field, "too-long", [max]);
            return null;
        }
        if (trimmed.Any(c => IsForbidden(c, multiline)) || HasLoneSurrogate(trimmed))
        {
            fail(field, "bad-characters", []);
            return null;
        }
        return trimmed;
    }

    /// <summary>Control characters (other than line breaks in long texts), and lone surrogates, are refused.</summary>
    private static bool IsForbidden(char c, bool multiline) =>
        (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'))
        || c is '\uFFFE' or '\uFFFF' or '\u202E' or '\u202D';

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return true;
        }
        return false;
    }
}
