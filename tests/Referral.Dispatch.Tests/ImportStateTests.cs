using System.Text;
using Microsoft.Extensions.Time.Testing;
using Referral.Dispatch.Csv;
using Referral.Dispatch.Import;
using Referral.Dispatch.Referrals;
using Referral.Dispatch.State;

namespace Referral.Dispatch.Tests;

public sealed class ImportStateTests
{
    private const string Header = "incidentNumber,occurredAt,address,disputeType,summary,policeAction,party1Name";
    private string _directory = "";
    private string _csv = "";

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Directory.CreateTempSubdirectory("dispatch-tests-").FullName;
        _csv = Path.Combine(_directory, "incidents.csv");
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task Resumed_import_skips_rows_already_answered()
    {
        WriteCsv(Row("A-1"), Row("A-2"), Row("A-3"));
        var first = new FakeDoor(r => r.IncidentNumber == "A-2" ? Answer.Unanswered("no answer") : FakeDoor.Created(r));
        await ImportAsync(first);

        var second = new FakeDoor(FakeDoor.Created);
        var report = await ImportAsync(second);

        Assert.That(second.Sent, Is.EquivalentTo(new[] { "A-2" }), "only the row without an answer is sent again");
        Assert.That(report.Rows.Select(r => (r.IncidentNumber, r.Answer.Outcome, r.FromEarlierRun)), Is.EqualTo(new[]
        {
            ("A-1", Outcome.Created, true),
            ("A-2", Outcome.Created, false),
            ("A-3", Outcome.Created, true),
        }));
    }

    [Test]
    public async Task Rejected_rows_stay_answered_and_are_not_sent_again()
    {
        WriteCsv(Row("A-1"));
        var errors = new Dictionary<string, string[]> { ["parties[0].phone"] = ["不是有效的大陆手机号码"] };
        await ImportAsync(new FakeDoor(_ => new Answer(Outcome.Rejected, Errors: errors)));

        var second = new FakeDoor(FakeDoor.Created);
        var report = await ImportAsync(second);

        Assert.That(second.Sent, Is.Empty);
        Assert.That(report.Rows.Single().Answer.Errors!["parties[0].phone"], Is.EqualTo(new[] { "不是有效的大陆手机号码" }));
        Assert.That(report.ExitCode, Is.EqualTo(Commands.ExitCodes.Rejected));
    }

    [Test]
    public async Task Row_edited_after_its_answer_is_sent_again()
    {
        WriteCsv(Row("A-1"), Row("A-2"));
        await ImportAsync(new FakeDoor(FakeDoor.Created));
        WriteCsv(Row("A-1"), Row("A-2", summary: "邻里纠纷再次激化"));

        var second = new FakeDoor(_ => new Answer(Outcome.Amended));
        await ImportAsync(second);

        Assert.That(second.Sent, Is.EquivalentTo(new[] { "A-2" }));
    }

    [Test]
    public async Task Restart_sends_every_row_again()
    {
        WriteCsv(Row("A-1"), Row("A-2"));
        await ImportAsync(new FakeDoor(FakeDoor.Created));

        var second = new FakeDoor(_ => new Answer(Outcome.Duplicate));
        await ImportAsync(second, restart: true);

        Assert.That(second.Sent, Is.EquivalentTo(new[] { "A-1", "A-2" }));
    }

    [Test]
    public async Task Torn_last_line_from_a_crash_is_ignored_and_its_row_sent_again()
    {
        WriteCsv(Row("A-1"), Row("A-2"));
        await ImportAsync(new FakeDoor(FakeDoor.Created));
        var lines = File.ReadAllLines(ImportState.PathFor(_csv));
        var torn = lines[1][..(lines[1].Length / 2)];
        File.WriteAllText(ImportState.PathFor(_csv), lines[0] + "\n" + torn, Encoding.UTF8);

        var second = new FakeDoor(FakeDoor.Created);
        using (var state = ImportState.Open(_csv, restart: false))
        {
            Assert.That(state.UnreadableLines, Is.EqualTo(1));
            await new ImportRun(state, new FakeTimeProvider()).RunAsync(ReferralCsvReader.ReadFile(_csv), "gutang", _ => Task.FromResult<IReferralDoor>(second),
                TimeSpan.FromSeconds(1), _ => { }, () => { }, CancellationToken.None);
        }

        Assert.That(second.Sent, Has.Count.EqualTo(1));
        using var reopened = ImportState.Open(_csv, restart: false);
        Assert.That(reopened.UnreadableLines, Is.EqualTo(1), "the record after the torn line starts on a line of its own");
        Assert.That(ReferralCsvReader.ReadFile(_csv).Select(r => reopened.Answered(r.Row, OutgoingReferral.Of(r.Referral!, "gutang").MessageId)),
            Has.All.Not.Null);
    }

    [Test]
    public async Task Each_outcome_is_in_the_state_file_without_personal_data()
    {
        WriteCsv(Row("A-1"), "A-2,yesterday,塘东村,邻里,吵架,劝解,王丽娟");
        await ImportAsync(new FakeDoor(FakeDoor.Created));

        var text = File.ReadAllText(ImportState.PathFor(_csv));

        Assert.That(text.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(2));
        Assert.That(text, Does.Contain("\"outcome\":\"created\"").And.Contain("\"outcome\":\"invalid\""));
        Assert.That(text, Does.Not.Contain("王丽娟"));
    }

    [Test]
    public async Task Rows_with_identical_content_are_sent_once()
    {
        WriteCsv(Row("A-1"), Row("A-1"));

        var door = new FakeDoor(FakeDoor.Created);
        var report = await ImportAsync(door);

        Assert.That(door.Sent, Has.Count.EqualTo(1));
        Assert.That(report.Rows.Select(r => r.Answer.Outcome), Is.EqualTo(new[] { Outcome.Created, Outcome.Duplicate }));
    }

    private async Task<ImportReport> ImportAsync(IReferralDoor door, bool restart = false)
    {
        using var state = ImportState.Open(_csv, restart);
        return await new ImportRun(state, new FakeTimeProvider()).RunAsync(ReferralCsvReader.ReadFile(_csv), "gutang",
            _ => Task.FromResult(door), TimeSpan.FromSeconds(1), _ => { }, () => { }, CancellationToken.None);
    }

    private void WriteCsv(params string[] rows) => File.WriteAllText(_csv, string.Join("\n", [Header, .. rows]), Encoding.UTF8);

    private static string Row(string incident, string summary = "邻里纠纷") =>
        $"{incident},2025-03-01T14:30:00+08:00,慈溪市古塘街道塘东村5组38号,邻里,{summary},民警劝解,王丽娟";
}
