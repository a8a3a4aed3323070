using Referral.Dispatch.Csv;

namespace Referral.Dispatch.Tests;

public sealed class CsvRowMappingTests
{
    private const string Header =
        "incidentNumber,stationCode,occurredAt,address,disputeType,summary,policeAction,officerName," +
        "party1Name,party1Gender,party1Phone,party1IdNumber,party1Role,party2Name,party2Role," +
        "policeCallsLast30Days,violence,partiesCount,amountAtStakeYuan,leftHome";

    private const string ValidRow =
        "GT-1,gutang,2025-03-01T14:30:00+08:00,慈溪市古塘街道塘东村5组38号,婚姻家庭,夫妻争吵,民警劝解,陈建国," +
        "王丽娟,女,13805741234,330282199001011231,申请人,李伟,被申请人," +
        "2,是,2,\"12,000.50\",false";

    private static IReadOnlyList<CsvRow> Read(params string[] lines) =>
        ReferralCsvReader.Read(new StringReader(string.Join("\n", lines)));

    [Test]
    public void Valid_row_maps_to_a_referral_with_its_parties_and_risk()
    {
        var row = Read(Header, ValidRow).Single();

        Assert.That(row.Problems, Is.Empty);
        var r = row.Referral!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(row.Row, Is.EqualTo(2));
            Assert.That(r.IncidentNumber, Is.EqualTo("GT-1"));
            Assert.That(r.OccurredAt, Is.EqualTo(new DateTimeOffset(2025, 3, 1, 14, 30, 0, TimeSpan.FromHours(8))));
            Assert.That(r.OccurredAt!.Value.Offset, Is.EqualTo(TimeSpan.FromHours(8)));
            Assert.That(r.DisputeType, Is.EqualTo("婚姻家庭"));
            Assert.That(r.AreaCode, Is.Null, "an absent column reads as empty");
            Assert.That(r.Parties!.Select(p => p.Name), Is.EqualTo(new[] { "王丽娟", "李伟" }));
            Assert.That(r.Parties![0].IdNumber, Is.EqualTo("330282199001011231"));
            Assert.That(r.Parties![1].Phone, Is.Null);
            Assert.That(r.Risk!.PoliceCallsLast30Days, Is.EqualTo(2));
            Assert.That(r.Risk.Violence, Is.True);
            Assert.That(r.Risk.ThreatsOrWeapons, Is.Null, "not stated");
            Assert.That(r.Risk.AmountAtStakeYuan, Is.EqualTo(12000.50m));
            Assert.That(r.Risk.LeftHome, Is.False);
        }
    }

    [TestCase("occurredAt", "2025/03/01 14:30")]
    [TestCase("occurredAt", "2025-03-01T14:30:00")]
    [TestCase("occurredAt", "2025-02-30T14:30:00+08:00")]
    [TestCase("policeCallsLast30Days", "three")]
    [TestCase("policeCallsLast30Days", "2.5")]
    [TestCase("partiesCount", "12人")]
    [TestCase("amountAtStakeYuan", "约5万元")]
    [TestCase("violence", "maybe")]
    [TestCase("leftHome", "不详")]
    public void Unreadable_cell_refuses_the_row_naming_row_and_column(string column, string cell)
    {
        var rows = Read(Header, ValidRow, WithCell(ValidRow, column, cell).Replace("GT-1", "GT-2", StringComparison.Ordinal));

        var bad = rows[1];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(rows[0].Problems, Is.Empty);
            Assert.That(bad.Row, Is.EqualTo(3), "the header is row 1, as in a spreadsheet");
            Assert.That(bad.Referral, Is.Null);
            Assert.That(bad.IncidentNumber, Is.EqualTo("GT-2"));
            Assert.That(bad.Problems.Select(p => p.Column), Is.EqualTo(new[] { column }));
        }
    }

    [Test]
    public void Every_unreadable_cell_of_a_row_is_reported()
    {
        var row = WithCell(WithCell(ValidRow, "occurredAt", "yesterday"), "partiesCount", "many");

        var problems = Read(Header, row).Single().Problems;

        Assert.That(problems.Select(p => p.Column), Is.EquivalentTo(new[] { "occurredAt", "partiesCount" }));
    }

    [Test]
    public void Cells_the_service_judges_are_passed_on_unchanged()
    {
        var row = WithCell(WithCell(ValidRow, "party1Phone", "0574-6321"), "disputeType", "打架斗殴");

        var mapped = Read(Header, row).Single();

        Assert.That(mapped.Problems, Is.Empty);
        Assert.That(mapped.Referral!.Parties![0].Phone, Is.EqualTo("0574-6321"));
        Assert.That(mapped.Referral.DisputeType, Is.EqualTo("打架斗殴"));
    }

    [Test]
    public void Row_with_more_cells_than_the_header_is_refused()
    {
        var problems = Read(Header, ValidRow + ",surplus").Single().Problems;

        Assert.That(problems.Select(p => p.Column), Is.EqualTo(new[] { "(row)" }));
    }

    [Test]
    public void Unknown_column_refuses_the_whole_file()
    {
        var ex = Assert.Throws<CsvSchemaException>(() => Read(Header + ",party1Fone", ValidRow + ",x"));

        Assert.That(ex.Message, Does.Contain("party1Fone"));
    }

    [Test]
    public void File_without_an_incident_number_column_is_refused()
    {
        Assert.Throws<CsvSchemaException>(() => Read("stationCode,address", "gutang,塘东村"));
    }

    [Test]
    public void Time_in_utc_with_z_is_read()
    {
        var time = CellParser.Time("2025-03-01T06:30:00Z", out var problem);

        Assert.That(problem, Is.Null);
        Assert.That(time, Is.EqualTo(new DateTimeOffset(2025, 3, 1, 14, 30, 0, TimeSpan.FromHours(8))));
    }

    /// <summary>The row with one cell replaced; the column must be one of <see cref="Header"/>.</summary>
    private static string WithCell(string row, string column, string cell)
    {
        var columns = Header.Split(',');
        var cells = SplitCsv(row);
        cells[Array.IndexOf(columns, column)] = cell.Contains(',', StringComparison.Ordinal) ? $"\"{cell}\"" : cell;
        return string.Join(",", cells);
    }

    private static string[] SplitCsv(string row)
    {
        var cells = new List<string>();
        var current = "";
        var quoted = false;
        foreach (var c in row)
        {
            if (c == '"') quoted = !quoted;
            if (c == ',' && !quoted)
            {
                cells.Add(current);
                current = "";
            }
            else
            {
                current += c;
            }
        }
        cells.Add(current);
        return [.. cells];
    }
}
