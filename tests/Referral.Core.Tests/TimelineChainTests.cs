using System.Reflection;
using Microsoft.Extensions.Time.Testing;
using Referral.Core.Cases;
using Referral.Core.Cases.Chain;
using Referral.Core.Cases.Events;
using Referral.Core.Grading;
using Referral.Core.Tests.Support;

namespace Referral.Core.Tests;

public sealed class TimelineChainTests
{
    private static readonly ChainKey Key = ChainKeys.Test;
    private readonly FakeTimeProvider _clock = new(Referrals.Now);
    private Case _case = null!;
    private List<TimelineEntry> _entries = null!;

    /// <summary>A case with four entries: refer, grade, route, amend.</summary>
    [SetUp]
    public void MakeCase()
    {
        _case = SampleCases.Routed(_clock.GetUtcNow(), "judicial", "womens-federation");
        _clock.Advance(TimeSpan.FromHours(1));
        _case.Amend(Referrals.Valid(), "hash-2", ["summary"], SampleCases.Station, _clock.GetUtcNow());
        _case.SealNewEntries(Key);
        _entries = [.. _case.NewEntries];
    }

    private ChainVerification Verify(IReadOnlyList<TimelineEntry> entries) => ChainVerification.Verify(entries, _case, Key);

    /// <summary>
    /// A stored entry changed behind the application's back. Entries are immutable (private
    /// setters), so the test copies one and sets the property by reflection, as a database edit would.
    /// </summary>
    private static TimelineEntry Tampered(TimelineEntry entry, string property, object? value, bool rehash = false)
    {
        var copy = (TimelineEntry)typeof(object)
            .GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!.Invoke(entry, null)!;
        var setter = typeof(TimelineEntry).GetProperty(property)!;
        setter.SetValue(copy, value);
        if (rehash) typeof(TimelineEntry).GetProperty(nameof(TimelineEntry.Hash))!.SetValue(copy, copy.ComputeHash(Key));
        return copy;
    }

    private List<TimelineEntry> With(int index, TimelineEntry replacement)
    {
        var entries = new List<TimelineEntry>(_entries);
        entries[index] = replacement;
        return entries;
    }

    [Test]
    public void An_intact_chain_verifies()
    {
        var result = Verify(_entries);

        Assert.That(result, Is.EqualTo(new ChainVerification(true, 4, null, "intact")));
    }

    [Test]
    public void Every_entry_carries_the_hash_of_its_content() =>
        Assert.That(_entries.Select(e => e.ComputeHash(Key)), Is.EqualTo(_entries.Select(e => e.Hash)));

    private static IEnumerable<TestCaseData> Alterations()
    {
        TestCaseData Alter(string property, object? value) => new TestCaseData(property, value).SetArgDisplayNames(property);

        yield return Alter(nameof(TimelineEntry.CaseId), Guid.NewGuid());
        yield return Alter(nameof(TimelineEntry.At), Referrals.Now.AddMinutes(-30));
        yield return Alter(nameof(TimelineEntry.ActorName), "coordinator:someone");
        yield return Alter(nameof(TimelineEntry.ActorRole), Roles.Coordinator);
        yield return Alter(nameof(TimelineEntry.ActorDepartmentCode), "center");
        yield return Alter(nameof(TimelineEntry.Action), CaseAction.ChangeColor);
        yield return Alter(nameof(TimelineEntry.FromStatus), CaseStatus.Triage);
        yield return Alter(nameof(TimelineEntry.ToStatus), CaseStatus.Closed);
        yield return Alter(nameof(TimelineEntry.Color), WarningColor.Red);
        yield return Alter(nameof(TimelineEntry.Note), "无风险因素");
        yield return Alter(nameof(TimelineEntry.Payload), new Graded(WarningColor.Red, "无风险因素").Serialize());
        yield return Alter(nameof(TimelineEntry.State), "{}");
        yield return Alter(nameof(TimelineEntry.Format), TimelineFormat.Legacy);
        yield return Alter(nameof(TimelineEntry.PreviousHash), new string('0', 64));
        yield return Alter(nameof(TimelineEntry.Hash), new string('0', 64));
        yield return Alter(nameof(TimelineEntry.Sequence), 3);
    }

    [TestCaseSource(nameof(Alterations))]
    public void Altering_any_field_of_an_entry_is_detected_at_that_entry(string property, object? value)
    {
        Assert.That(typeof(TimelineEntry).GetProperty(property)!.GetValue(_entries[1]), Is.Not.EqualTo(value), "the test must change the value");

        var result = Verify(With(1, Tampered(_entries[1], property, value)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Intact, Is.False);
            Assert.That(result.FirstBrokenSequence, Is.EqualTo(2));
        }
    }

    [Test]
    public void Altering_a_field_is_reported_as_an_alteration() =>
        Assert.That(Verify(With(1, Tampered(_entries[1], nameof(TimelineEntry.Note), "改过"))).Reason, Is.EqualTo("entry 2 was altered"));

    [Test]
    public void Altering_an_entry_and_its_hash_breaks_the_link_to_the_next_entry()
    {
        var result = Verify(With(1, Tampered(_entries[1], nameof(TimelineEntry.Color), WarningColor.Red, rehash: true)));

        Assert.That(result, Is.EqualTo(new ChainVerification(false, 4, 3, "entry 3 does not follow entry 2")));
    }

    [Test]
    public void Altering_the_last_entry_and_its_hash_is_caught_by_the_hash_kept_on_the_case()
    {
        var result = Verify(With(3, Tampered(_entries[3], nameof(TimelineEntry.Note), "改过", rehash: true)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Intact, Is.False);
            Assert.That(result.Reason, Is.EqualTo("entries at the end are missing or were replaced"));
        }
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    public void Removing_an_entry_is_detected_where_it_was(int index)
    {
        var entries = new List<TimelineEntry>(_entries);
        entries.RemoveAt(index);

        var result = Verify(entries);

        Assert.That(result, Is.EqualTo(new ChainVerification(false, 3, index + 1, $"entry {index + 1} is missing")));
    }

    [Test]
    public void Removing_an_entry_and_renumbering_the_rest_is_detected()
    {
        List<TimelineEntry> entries = [_entries[0], Tampered(_entries[2], nameof(TimelineEntry.Sequence), 2, rehash: true)];

        var result = Verify(entries);

        Assert.That(result, Is.EqualTo(new ChainVerification(false, 2, 2, "entry 2 does not follow entry 1")));
    }

    [TestCase(1, 2)]
    [TestCase(0, 3)]
    public void Reordering_entries_is_detected(int first, int second)
    {
        var entries = new List<TimelineEntry>(_entries);
        (entries[first], entries[second]) = (entries[second], entries[first]);

        var result = Verify(entries);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Intact, Is.False);
            Assert.That(result.FirstBrokenSequence, Is.EqualTo(first + 1));
        }
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(4)]
    public void Truncating_the_end_is_detected(int removed)
    {
        var result = Verify(_entries.SkipLast(removed).ToList());

        Assert.That(result, Is.EqualTo(new ChainVerification(false, 4 - removed, 4 - removed + 1, "entries at the end are missing or were replaced")));
    }

    [Test]
    public void An_entry_added_beyond_what_the_case_recorded_is_detected()
    {
        var longer = Verify([.. _entries, Tampered(_entries[3], nameof(TimelineEntry.Sequence), 5)]);

        Assert.That(longer.Intact, Is.False);
    }

    [Test]
    public void Entries_of_another_case_are_not_accepted_as_this_case()
    {
        var other = SampleCases.Routed(_clock.GetUtcNow());
        other.SealNewEntries(Key);

        var result = Verify(other.NewEntries);

        Assert.That(result.Intact, Is.False);
    }

    [Test]
    public void Entries_are_not_sealed_until_the_save_hook_seals_them()
    {
        var fresh = SampleCases.Routed(_clock.GetUtcNow());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(fresh.NewEntries.Select(e => e.IsSealed), Is.All.False);
            Assert.That(fresh.LastTimelineHash, Is.Empty);
        }
        fresh.SealNewEntries(Key);
        Assert.That(fresh.LastTimelineHash, Is.EqualTo(fresh.NewEntries[^1].Hash));
    }

    [Test]
    public void An_entry_rehashed_without_the_key_is_detected()
    {
        var other = new ChainKey("somebody-with-database-access-only-0000");

        var result = Verify(With(1, Rehashed(Tampered(_entries[1], nameof(TimelineEntry.Note), "改过"), other)));

        Assert.That(result, Is.EqualTo(new ChainVerification(false, 4, 2, "entry 2 was altered")));
    }

    private static IEnumerable<TestCaseData> CaseAlterations()
    {
        TestCaseData Alter(string property, object? value) => new TestCaseData(property, value).SetArgDisplayNames(property);

        yield return Alter(nameof(Case.Color), WarningColor.Red);
        yield return Alter(nameof(Case.Status), CaseStatus.Closed);
        yield return Alter(nameof(Case.LeadDepartmentCode), "center");
        yield return Alter(nameof(Case.CoHandlerCodes), new List<string> { "market" });
        yield return Alter(nameof(Case.Summary), "另一段案情");
        yield return Alter(nameof(Case.Address), "慈溪市古塘街道别处1号");
        yield return Alter(nameof(Case.Outcome), CaseOutcome.Withdrawn);
        yield return Alter(nameof(Case.TurnedCriminal), true);
    }

    [TestCaseSource(nameof(CaseAlterations))]
    public void A_case_changed_behind_its_trajectory_no_longer_verifies(string property, object? value)
    {
        typeof(Case).GetProperty(property)!.SetValue(_case, value);

        var result = Verify(_entries);

        Assert.That(result, Is.EqualTo(new ChainVerification(false, 4, 4, "the case differs from the state its last entry (4) recorded")));
    }

    [Test]
    public void A_party_changed_behind_the_trajectory_no_longer_verifies()
    {
        var party = _case.Parties[0];
        _case.Parties[0] = new Party { Name = "王五", Gender = party.Gender, Phone = party.Phone, IdNumber = party.IdNumber, Address = party.Address, Role = party.Role };

        Assert.That(Verify(_entries).Intact, Is.False);
    }

    [Test]
    public void A_next_step_with_a_line_break_cannot_pose_as_another_fact()
    {
        var @case = SampleCases.Routed(_clock.GetUtcNow());
        @case.Accept(new Actor("handler", Roles.Handler, "judicial"), null, _clock.GetUtcNow());

        @case.RecordProgress(new Actor("handler", Roles.Handler, "judicial"), ProgressKind.Call, "电话联系", "明天再联系\nkind=Visit\nsupervisors=true", _clock.GetUtcNow());

        var facts = @case.NewEntries[^1].DetailValues();
        Assert.That(facts, Is.EqualTo(new Dictionary<string, string> { ["kind"] = "Call", ["nextStep"] = "明天再联系\nkind=Visit\nsupervisors=true" }));
    }

    [Test]
    public void Rows_written_before_typed_events_still_verify_and_read()
    {
        var legacy = Legacy(_case.Id, 1, "", CaseAction.Refer, "station=gutang\nincident=GT-1");
        var second = Legacy(_case.Id, 2, legacy.Hash, CaseAction.Grade, "color=green");
        var @case = SampleCases.Referred(_clock.GetUtcNow(), id: _case.Id);
        typeof(Case).GetProperty(nameof(Case.TimelineCount))!.SetValue(@case, 2);
        typeof(Case).GetProperty(nameof(Case.LastTimelineHash))!.SetValue(@case, second.Hash);

        var result = ChainVerification.Verify([legacy, second], @case, Key);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Intact, Is.True, result.Reason);
            Assert.That(legacy.DetailValues(), Is.EqualTo(new Dictionary<string, string> { ["station"] = "gutang", ["incident"] = "GT-1" }));
            Assert.That(legacy.Event, Is.Null);
        }
    }

    private static TimelineEntry Rehashed(TimelineEntry entry, ChainKey key)
    {
        typeof(TimelineEntry).GetProperty(nameof(TimelineEntry.Hash))!.SetValue(entry, entry.ComputeHash(key));
        return entry;
    }

    /// <summary>A row as the service wrote it before typed events: facts as key=value lines, a plain SHA-256 over them.</summary>
    private static TimelineEntry Legacy(Guid caseId, int sequence, string previous, CaseAction action, string details)
    {
        var entry = (TimelineEntry)Activator.CreateInstance(typeof(TimelineEntry), nonPublic: true)!;
        void Set(string property, object? value) => typeof(TimelineEntry).GetProperty(property)!.SetValue(entry, value);
        Set(nameof(TimelineEntry.CaseId), caseId);
        Set(nameof(TimelineEntry.Sequence), sequence);
        Set(nameof(TimelineEntry.At), Referrals.Now);
        Set(nameof(TimelineEntry.ActorName), "station:gutang");
        Set(nameof(TimelineEntry.ActorRole), Roles.Station);
        Set(nameof(TimelineEntry.Action), action);
        Set(nameof(TimelineEntry.ToStatus), CaseStatus.Referred);
        Set(nameof(TimelineEntry.Details), details);
        Set(nameof(TimelineEntry.PreviousHash), previous);
        Set(nameof(TimelineEntry.Hash), entry.ComputeHash(Key));
        return entry;
    }
}
