namespace Referral.Dispatch.Csv;

/// <summary>
/// The import CSV: a header row, then one incident per row. Columns may come in any order and may be
/// left out (an absent column reads as empty); an unknown column is refused, since a misspelt name
/// would otherwise drop its data silently.
/// </summary>
internal static class CsvSchema
{
    public const int MaxParties = 3;

    public static readonly string[] PartyFields = ["Name", "Gender", "Phone", "IdNumber", "Address", "Role"];

    public static readonly IReadOnlyList<string> Columns =
    [
        "incidentNumber", "stationCode", "occurredAt", "address", "areaCode", "disputeType", "summary", "policeAction", "officerName",
        .. Enumerable.Range(1, MaxParties).SelectMany(n => PartyFields.Select(f => Party(n, f))),
        "policeCallsLast30Days", "threatsOrWeapons", "violence", "selfHarmRisk", "vulnerablePersons", "partiesCount",
        "amountAtStakeYuan", "leftHome",
    ];

    /// <summary>Booleans read as true: true, 1, yes, y, 是; false: false, 0, no, n, 否; empty: not stated.</summary>
    public static readonly IReadOnlyList<string> TrueWords = ["true", "1", "yes", "y", "是"];

    public static readonly IReadOnlyList<string> FalseWords = ["false", "0", "no", "n", "否"];

    public static string Party(int number, string field) => $"party{number}{field}";
}
