using System.Reflection;
using Microsoft.Extensions.Time.Testing;
using Referral.Core.Cases;
using Referral.Core.Grading;
using Referral.Core.Tests.Support;

namespace Referral.Core.Tests;

public sealed class TimelineChainTests
{
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
        _entries = [.. _case.NewEntries];
    }

    private ChainVerification Verify(IReadOnlyList<TimelineEntry> entries) =>
        ChainVerification.Verify(entries, _case.TimelineCount, _case.LastTimelineHash);

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
        if (rehash) typeof(TimelineEntry).GetProperty(nameof(TimelineEntry.Hash))!.SetValue(copy, copy.ComputeHash());
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
    public void A_case_without_entries_verifies_as_empty() =>
        Assert.That(ChainVerification.Verify([], 0, "").Intact, Is.True);

    [Test]
    public void Every_entry_carries_the_hash_of_its_content() =>
        Assert.That(_entries.Select(e => e.ComputeHash()), Is.EqualTo(_entries.Select(e => e.Hash)));

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
        yield return Alter(nameof(TimelineEntry.Details), "color=yellow");
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

        var result = ChainVerification.Verify(other.NewEntries, _case.TimelineCount, _case.LastTimelineHash);

        Assert.That(result.Intact, Is.False);
    }
}
