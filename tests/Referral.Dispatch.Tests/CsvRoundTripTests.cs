using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Referral.Dispatch.Csv;
using Referral.Dispatch.Referrals;
using Referral.Dispatch.Synthetic;

namespace Referral.Dispatch.Tests;

public sealed class CsvRoundTripTests
{
    [Test]
    public void Generated_csv_reads_back_as_the_referrals_that_were_written()
    {
        var generator = new SyntheticReferrals(7, new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero)), TimeSpan.FromDays(365));
        var written = Enumerable.Range(1, 50).Select(n => generator.Next($"T-{n:D7}", "gutang")).ToList();
        using var buffer = new MemoryStream();
        using (var writer = new ReferralCsvWriter(buffer))
            foreach (var referral in written) writer.Write(referral);

        var rows = ReferralCsvReader.Read(new StringReader(Encoding.UTF8.GetString(buffer.ToArray())));

        Assert.That(rows.SelectMany(r => r.Problems), Is.Empty);
        Assert.That(rows.Select(r => Json(r.Referral!)), Is.EqualTo(written.Select(Json)));
    }

    [Test]
    public void Unreadable_amount_defect_is_refused_by_the_reader()
    {
        var valid = new SyntheticReferrals(3, TimeProvider.System, TimeSpan.FromDays(30)).Next("T-1", "gutang");
        var (referral, cells) = Defects.Apply(DefectKind.UnreadableAmount, valid, DateTimeOffset.UtcNow);
        using var buffer = new MemoryStream();
        using (var writer = new ReferralCsvWriter(buffer)) writer.Write(referral, cells);

        var row = ReferralCsvReader.Read(new StringReader(Encoding.UTF8.GetString(buffer.ToArray()))).Single();

        Assert.That(row.Problems.Select(p => p.Column), Is.EqualTo(new[] { "amountAtStakeYuan" }));
    }

    /// <summary>The JSON sent for a referral, which is what has to survive the trip.</summary>
    private static string Json(Contracts.IncidentReferred referral) => JsonSerializer.Serialize(referral, ReferralJson.Options);
}
