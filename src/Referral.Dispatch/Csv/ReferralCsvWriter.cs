using System.Globalization;
using CsvHelper;
using Referral.Contracts;

namespace Referral.Dispatch.Csv;

/// <summary>Writes referrals as import CSV rows (<see cref="CsvSchema"/>), the header first.</summary>
internal sealed class ReferralCsvWriter : IDisposable
{
    private readonly CsvWriter _csv;

    public ReferralCsvWriter(Stream output)
    {
        _csv = CsvWriter.Create(output, new CsvWriterOptions
        {
            // The BOM makes spreadsheet programs on Chinese Windows read the file as UTF-8 instead of GBK.
            WriteByteOrderMark = true,
            // Cells starting with = + - @ would run as formulas when the file is opened in a spreadsheet.
            Injection = CsvInjection.Escape,
        });
        _csv.WriteHeader([.. CsvSchema.Columns]);
    }

    /// <param name="overrides">Raw cell text that replaces the referral's value, for deliberately unreadable cells.</param>
    public void Write(IncidentReferred referral, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var cells = Cells(referral);
        foreach (var (column, text) in overrides ?? new Dictionary<string, string>()) cells[column] = text;
        _csv.WriteRecord(CsvSchema.Columns.Select(c => cells.GetValueOrDefault(c)).ToArray());
    }

    public void Dispose() => _csv.Dispose();

    private static Dictionary<string, string?> Cells(IncidentReferred r)
    {
        var invariant = CultureInfo.InvariantCulture;
        var cells = new Dictionary<string, string?>
        {
            ["incidentNumber"] = r.IncidentNumber,
            ["stationCode"] = r.StationCode,
            ["occurredAt"] = r.OccurredAt?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", invariant),
            ["address"] = r.Address,
            ["areaCode"] = r.AreaCode,
            ["disputeType"] = r.DisputeType,
            ["summary"] = r.Summary,
            ["policeAction"] = r.PoliceAction,
            ["officerName"] = r.OfficerName,
            ["policeCallsLast30Days"] = r.Risk?.PoliceCallsLast30Days?.ToString(invariant),
            ["threatsOrWeapons"] = YesNo(r.Risk?.ThreatsOrWeapons),
            ["violence"] = YesNo(r.Risk?.Violence),
            ["selfHarmRisk"] = YesNo(r.Risk?.SelfHarmRisk),
            ["vulnerablePersons"] = YesNo(r.Risk?.VulnerablePersons),
            ["partiesCount"] = r.Risk?.PartiesCount?.ToString(invariant),
            ["amountAtStakeYuan"] = r.Risk?.AmountAtStakeYuan?.ToString(invariant),
            ["leftHome"] = YesNo(r.Risk?.LeftHome),
        };
        var parties = r.Parties ?? [];
        if (parties.Count > CsvSchema.MaxParties)
            throw new ArgumentException($"the CSV holds at most {CsvSchema.MaxParties} parties per incident", nameof(r));
        for (var i = 0; i < parties.Count; i++)
        {
            var p = parties[i];
            var n = i + 1;
            cells[CsvSchema.Party(n, "Name")] = p.Name;
            cells[CsvSchema.Party(n, "Gender")] = p.Gender;
            cells[CsvSchema.Party(n, "Phone")] = p.Phone;
            cells[CsvSchema.Party(n, "IdNumber")] = p.IdNumber;
            cells[CsvSchema.Party(n, "Address")] = p.Address;
            cells[CsvSchema.Party(n, "Role")] = p.Role;
        }
        return cells;
    }

    private static string? YesNo(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => null,
    };
}
