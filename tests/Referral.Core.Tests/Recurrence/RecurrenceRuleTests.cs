using System.Text;
using Referral.Core.Cases;
using Referral.Core.Grading;
using Referral.Core.Privacy;
using Referral.Core.Recurrence;

namespace Referral.Core.Tests.Recurrence;

/// <summary>
/// When a new referral is a recurrence, a possible link or neither: street-, community-, estate-,
/// village-group- and dwelling-level addresses, with and without a shared party, across the window edge.
/// </summary>
public sealed class RecurrenceRuleTests
{
    private const string Phone = "13805741234";
    private const string IdNumber = "330282199001011231";
    private static readonly DateTimeOffset Now = new(2025, 3, 10, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Fingerprints Prints = new(Encoding.UTF8.GetBytes("test-key-of-at-least-32-bytes!!!"));
    private static readonly RecurrenceRule Rule = new(TimeSpan.FromDays(180), AddressPrecision.House, 3);
    private static readonly Guid Earlier = Guid.NewGuid();
    private static readonly Guid Later = Guid.NewGuid();

    public enum Shared { Nobody, Phone, IdNumber }

    private static IEnumerable<TestCaseData> Table()
    {
        TestCaseData Row(string level, string earlierAddress, string laterAddress, Shared party, int daysBetween, bool sameType,
            FingerprintKind? recurrence, bool possibleLink) =>
            new TestCaseData(earlierAddress, laterAddress, party, daysBetween, sameType, recurrence, possibleLink)
                .SetArgDisplayNames(level, party.ToString(), $"{daysBetween} days", sameType ? "same type" : "other type");

        // an address that names a street, community, estate, village or village group: never a recurrence by itself
        yield return Row("street", "古塘街道步行街", "慈溪市古塘街道步行街", Shared.Nobody, 10, true, null, true);
        yield return Row("street", "古塘街道三北大街", "古塘街道三北大街", Shared.Nobody, 10, false, null, false);
        yield return Row("community", "慈溪市古塘街道潮塘社区", "潮塘社区", Shared.Nobody, 10, true, null, true);
        yield return Row("estate", "古塘街道明月小区", "古塘街道明月小区", Shared.Nobody, 10, true, null, true);
        yield return Row("village", "塘东村", "慈溪市古塘街道塘东村", Shared.Nobody, 10, true, null, true);
        yield return Row("village group", "塘东村3组", "塘东村三组", Shared.Nobody, 10, true, null, true);
        yield return Row("landmark", "白沙村林场", "白沙村林场", Shared.Nobody, 10, false, null, false);
        // the same dwelling: a recurrence, whatever the type
        yield return Row("house", "慈溪市古塘街道塘东村3组12号", "塘东3组十二号", Shared.Nobody, 10, false, FingerprintKind.Dwelling, false);
        yield return Row("room", "潮塘社区5幢201室", "慈溪市古塘街道潮塘社区5幢201室", Shared.Nobody, 10, true, FingerprintKind.Dwelling, false);
        yield return Row("street number", "古塘街道新城大道88号", "新城大道88号", Shared.Nobody, 10, true, FingerprintKind.Dwelling, false);
        yield return Row("neighbours", "塘东村3组12号", "塘东村3组14号", Shared.Nobody, 10, true, null, false);
        yield return Row("same number, other village", "塘东村3组12号", "白沙村3组12号", Shared.Nobody, 10, true, null, false);
        // the same person: a recurrence at any address
        yield return Row("street", "古塘街道步行街", "古塘街道步行街", Shared.Phone, 10, true, FingerprintKind.Phone, false);
        yield return Row("other streets", "古塘街道步行街", "古塘街道三北大街", Shared.IdNumber, 10, false, FingerprintKind.IdNumber, false);
        yield return Row("community", "潮塘社区", "南苑社区", Shared.Phone, 10, false, FingerprintKind.Phone, false);
        // the window: 180 days before the incident
        yield return Row("house", "塘东村3组12号", "塘东村3组12号", Shared.Nobody, 180, true, FingerprintKind.Dwelling, false);
        yield return Row("house", "塘东村3组12号", "塘东村3组12号", Shared.Nobody, 181, true, null, false);
        yield return Row("street", "古塘街道步行街", "古塘街道步行街", Shared.Phone, 179, true, FingerprintKind.Phone, false);
        yield return Row("street", "古塘街道步行街", "古塘街道步行街", Shared.Phone, 181, true, null, false);
        yield return Row("street", "古塘街道步行街", "古塘街道步行街", Shared.Nobody, 180, true, null, true);
        yield return Row("street", "古塘街道步行街", "古塘街道步行街", Shared.Nobody, 181, true, null, false);
        yield return Row("house, earlier incident later", "塘东村3组12号", "塘东村3组12号", Shared.Nobody, -1, true, null, false);
    }

    [TestCaseSource(nameof(Table))]
    public void New_referral_is_a_recurrence_a_possible_link_or_neither(string earlierAddress, string laterAddress, Shared party, int daysBetween,
        bool sameType, FingerprintKind? recurrence, bool possibleLink)
    {
        var earlierAt = Now.AddDays(-daysBetween);
        var candidates = Stored(Earlier, "GT-1", "neighbour", earlierAt, PrintsOf(earlierAddress, [Party(Phone, IdNumber)]));
        var laterParty = party switch { Shared.Phone => Party(Phone, null), Shared.IdNumber => Party(null, IdNumber), _ => Party("13905749999", null) };

        var found = Rule.Find(Later, PrintsOf(laterAddress, [laterParty]), Now, sameType ? "neighbour" : "consumer", candidates);

        Assert.That(found.Recurrence?.Basis, Is.EqualTo(recurrence));
        if (recurrence is not null) Assert.That(found.Recurrence!.EarlierCaseId, Is.EqualTo(Earlier));
        Assert.That(found.PossibleLinks.Select(l => l.EarlierCaseId), Is.EqualTo(possibleLink ? new[] { Earlier } : []));
    }

    [Test]
    public void A_party_address_of_only_a_village_is_at_most_a_possible_link()
    {
        var candidates = Stored(Earlier, "GT-1", "neighbour", Now.AddDays(-3), PrintsOf("古塘街道步行街", [Party(null, null, "塘东村")]));

        var found = Rule.Find(Later, PrintsOf("古塘街道三北大街", [Party(null, null, "慈溪市古塘街道塘东村")]), Now, "neighbour", candidates);

        Assert.That(found.Recurrence, Is.Null);
        Assert.That(found.PossibleLinks.Single().EarlierIncidentNumber, Is.EqualTo("GT-1"));
    }

    [Test]
    public void With_room_precision_a_shared_building_is_only_a_possible_link()
    {
        var strict = new RecurrenceRule(TimeSpan.FromDays(180), AddressPrecision.Room, 3);
        var candidates = Stored(Earlier, "GT-1", "neighbour", Now.AddDays(-3), strict.PrintsOf(Prints, "潮塘社区5幢", null, [], AddressKeyTests.Gutang));

        var building = strict.Find(Later, strict.PrintsOf(Prints, "潮塘社区5幢", null, [], AddressKeyTests.Gutang), Now, "neighbour", candidates);
        var room = strict.PrintsOf(Prints, "潮塘社区5幢201室", null, [], AddressKeyTests.Gutang);

        Assert.That((building.Recurrence, building.PossibleLinks.Count), Is.EqualTo(((RecurrenceMatch?)null, 1)));
        Assert.That(room.Single().Kind, Is.EqualTo(FingerprintKind.Dwelling));
    }

    [Test]
    public void Possible_links_are_one_per_case_latest_first_and_at_most_the_limit()
    {
        var earlier = Enumerable.Range(1, 5).Select(i => (Id: Guid.NewGuid(), Incident: $"GT-{i}", At: Now.AddDays(-10 * i))).ToList();
        var candidates = earlier.SelectMany(e => Stored(e.Id, e.Incident, "neighbour", e.At,
            PrintsOf("古塘街道步行街", [Party(null, null, "古塘街道步行街")]))).ToList();

        var found = Rule.Find(Later, PrintsOf("古塘街道步行街", []), Now, "neighbour", candidates);

        Assert.That(found.PossibleLinks.Select(l => l.EarlierIncidentNumber), Is.EqualTo(new[] { "GT-1", "GT-2", "GT-3" }));
    }

    [Test]
    public void The_case_of_the_recurrence_is_not_also_a_possible_link_and_another_one_still_is()
    {
        var other = Guid.NewGuid();
        var candidates = Stored(Earlier, "GT-1", "neighbour", Now.AddDays(-5), PrintsOf("古塘街道步行街", [Party(Phone, null)]))
            .Concat(Stored(other, "GT-2", "neighbour", Now.AddDays(-9), PrintsOf("古塘街道步行街", [])));

        var found = Rule.Find(Later, PrintsOf("古塘街道步行街", [Party(Phone, null)]), Now, "neighbour", candidates);

        Assert.That(found.Recurrence!.EarlierCaseId, Is.EqualTo(Earlier));
        Assert.That(found.PossibleLinks.Select(l => l.EarlierCaseId), Is.EqualTo(new[] { other }));
    }

    [Test]
    public void The_case_s_own_fingerprints_are_never_a_match()
    {
        var prints = PrintsOf("塘东村3组12号", [Party(Phone, IdNumber)]);

        var found = Rule.Find(Later, prints, Now, "neighbour", Stored(Later, "GT-1", "neighbour", Now, prints));

        Assert.That(found.Recurrence, Is.Null);
        Assert.That(found.PossibleLinks, Is.Empty);
    }

    [Test]
    public void The_factor_says_what_matched_masked_and_which_case()
    {
        var candidates = Stored(Earlier, "GT-2025-0007", "neighbour", Now.AddDays(-30), PrintsOf("古塘街道步行街", [Party(Phone, null)]));

        var factor = Rule.Find(Later, PrintsOf("古塘街道三北大街", [Party(Phone, null)]), Now, "consumer", candidates).Recurrence!.Factor();

        Assert.That((factor.Code, factor.Color), Is.EqualTo(("recurrence", WarningColor.Red)));
        Assert.That(factor.Description, Does.Contain("GT-2025-0007").And.Contain("当事人电话").And.Contain("138****1234").And.Not.Contain(Phone));
    }

    [Test]
    public void Coarse_and_dwelling_fingerprints_are_kinds_apart_and_hold_no_personal_data()
    {
        var prints = PrintsOf("塘东村3组12号", [Party(Phone, IdNumber, "塘东村3组")]);

        Assert.That(prints.Select(p => p.Kind), Is.EquivalentTo(new[]
            { FingerprintKind.Dwelling, FingerprintKind.Phone, FingerprintKind.IdNumber, FingerprintKind.CoarseAddress }));
        Assert.That(prints.Select(p => p.Hash), Has.All.Length.EqualTo(64).And.All.Not.Contain(Phone));
        Assert.That(Prints.Of(FingerprintKind.CoarseAddress, "tangdong|3组"), Is.Not.EqualTo(Prints.Of(FingerprintKind.Dwelling, "tangdong|3组")));
    }

    private static Party Party(string? phone, string? idNumber, string? address = null) =>
        new() { Name = "王小明", Phone = phone, IdNumber = idNumber, Address = address };

    private static IReadOnlyList<PartyPrint> PrintsOf(string address, IEnumerable<Party> parties) =>
        Rule.PrintsOf(Prints, address, null, parties, AddressKeyTests.Gutang);

    private static IEnumerable<EarlierPrint> Stored(Guid caseId, string incident, string type, DateTimeOffset at, IEnumerable<PartyPrint> prints) =>
        prints.Select(p => new EarlierPrint(caseId, incident, type, p.Kind, p.Hash, at)).ToList();
}
