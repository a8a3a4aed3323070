using Referral.Contracts;

namespace Referral.Dispatch.Synthetic;

/// <summary>The deliberate mistakes <c>generate-csv --invalid</c> puts in some rows, to show how rejections look.</summary>
internal enum DefectKind
{
    /// <summary>A landline-like number where a mobile is expected (the service rejects it).</summary>
    BadPhone,
    /// <summary>An ID number whose check character is wrong (the service rejects it).</summary>
    BadIdCheckDigit,
    /// <summary>A dispute type the taxonomy does not know (the service rejects it).</summary>
    UnknownDisputeType,
    /// <summary>An incident time three days ahead (the service rejects it).</summary>
    FutureDate,
    /// <summary>An amount written as words, which the CSV reader cannot read (rejected before sending).</summary>
    UnreadableAmount,
}

internal static class Defects
{
    /// <summary>Spoils one thing of a valid referral; returns raw cell text to write instead, if the defect lives in the CSV only.</summary>
    public static (IncidentReferred Referral, IReadOnlyDictionary<string, string>? Cells) Apply(DefectKind kind, IncidentReferred valid,
        DateTimeOffset now)
    {
        var parties = valid.Parties ?? [];
        return kind switch
        {
            DefectKind.BadPhone => (valid with { Parties = [parties[0] with { Phone = "0574-6321" }, .. parties.Skip(1)] }, null),
            DefectKind.BadIdCheckDigit => (valid with { Parties = [parties[0] with { IdNumber = WrongCheck(parties[0]) }, .. parties.Skip(1)] }, null),
            DefectKind.UnknownDisputeType => (valid with { DisputeType = "打架斗殴" }, null),
            DefectKind.FutureDate => (valid with { OccurredAt = now.AddDays(3).ToOffset(TimeSpan.FromHours(8)) }, null),
            DefectKind.UnreadableAmount => (valid, new Dictionary<string, string> { ["amountAtStakeYuan"] = "约5万元" }),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    /// <summary>The party's ID (or a fresh valid one) with its check character replaced by a wrong one.</summary>
    private static string WrongCheck(PartyInfo party)
    {
        var id = party.IdNumber ?? IdNumbers.Make(new Random(1), new DateOnly(1980, 5, 17), party.Gender == "男");
        var right = IdNumbers.CheckCharacter(id);
        var wrong = right == '0' ? '1' : '0';
        return id[..17] + wrong;
    }
}
