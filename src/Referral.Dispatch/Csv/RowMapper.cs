using Referral.Contracts;

namespace Referral.Dispatch.Csv;

/// <summary>Builds a referral from the cells of one row; typed cells that cannot be read become problems.</summary>
internal static class RowMapper
{
    public static IncidentReferred Map(Func<string, string> cell, List<CellProblem> problems)
    {
        T? Typed<T>(string column, Func<string, (T? Value, string? Problem)> parse) where T : struct
        {
            var (value, problem) = parse(cell(column));
            if (problem is not null) problems.Add(new CellProblem(column, problem));
            return value;
        }
        bool? YesNo(string column) => Typed(column, t => (CellParser.YesNo(t, out var p), p));
        string? Text(string column) => cell(column) is { Length: > 0 } t ? t : null;

        return new IncidentReferred
        {
            IncidentNumber = Text("incidentNumber"),
            StationCode = Text("stationCode"),
            OccurredAt = Typed("occurredAt", t => (CellParser.Time(t, out var p), p)),
            Address = Text("address"),
            AreaCode = Text("areaCode"),
            DisputeType = Text("disputeType"),
            Summary = Text("summary"),
            PoliceAction = Text("policeAction"),
            OfficerName = Text("officerName"),
            Parties = Parties(Text),
            Risk = new RiskInfo
            {
                PoliceCallsLast30Days = Typed("policeCallsLast30Days", t => (CellParser.WholeNumber(t, out var p), p)),
                ThreatsOrWeapons = YesNo("threatsOrWeapons"),
                Violence = YesNo("violence"),
                SelfHarmRisk = YesNo("selfHarmRisk"),
                VulnerablePersons = YesNo("vulnerablePersons"),
                PartiesCount = Typed("partiesCount", t => (CellParser.WholeNumber(t, out var p), p)),
                AmountAtStakeYuan = Typed("amountAtStakeYuan", t => (CellParser.Amount(t, out var p), p)),
                LeftHome = YesNo("leftHome"),
            },
        };
    }

    /// <summary>Party n is present when any of its cells is filled; an entirely empty party is left out.</summary>
    private static List<PartyInfo> Parties(Func<string, string?> text)
    {
        var parties = new List<PartyInfo>();
        for (var n = 1; n <= CsvSchema.MaxParties; n++)
        {
            string? Field(string name) => text(CsvSchema.Party(n, name));
            if (CsvSchema.PartyFields.All(f => Field(f) is null)) continue;
            parties.Add(new PartyInfo
            {
                Name = Field("Name"),
                Gender = Field("Gender"),
                Phone = Field("Phone"),
                IdNumber = Field("IdNumber"),
                Address = Field("Address"),
                Role = Field("Role"),
            });
        }
        return parties;
    }
}
