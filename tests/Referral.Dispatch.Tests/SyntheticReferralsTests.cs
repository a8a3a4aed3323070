using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Referral.Core.Privacy;
using Referral.Dispatch.Referrals;
using Referral.Dispatch.Synthetic;

namespace Referral.Dispatch.Tests;

public sealed class SyntheticReferralsTests
{
    private static readonly DateTimeOffset Now = new(2026, 2, 17, 3, 0, 0, TimeSpan.Zero);

    private static List<Contracts.IncidentReferred> Generate(int seed, int count, TimeSpan window)
    {
        var generator = new SyntheticReferrals(seed, new FakeTimeProvider(Now), window);
        return Enumerable.Range(1, count).Select(n => generator.Next($"L-{n:D7}", "gutang")).ToList();
    }

    [Test]
    public void Every_phone_and_id_number_generated_passes_the_services_checks()
    {
        var parties = Generate(11, 2000, TimeSpan.FromDays(30)).SelectMany(r => r.Parties!).ToList();

        var phones = parties.Where(p => p.Phone is not null).Select(p => p.Phone!).ToList();
        var ids = parties.Where(p => p.IdNumber is not null).Select(p => p.IdNumber!).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(phones, Has.Count.GreaterThan(1000));
            Assert.That(ids, Has.Count.GreaterThan(1000));
            Assert.That(phones, Has.All.Matches(@"^1[3-9]\d{9}$"));
            Assert.That(phones.Where(p => MobileNumber.Normalize(p) != p), Is.Empty);
            Assert.That(ids.Where(id => IdCardNumber.Check(id, DateOnly.FromDateTime(DateTime.UtcNow), out _) != IdCardNumber.Problem.None), Is.Empty);
        }
    }

    [Test]
    public void Id_numbers_agree_with_the_partys_gender_and_an_adult_birth_date()
    {
        var parties = Generate(12, 500, TimeSpan.FromDays(30)).SelectMany(r => r.Parties!).Where(p => p.IdNumber is not null).ToList();

        foreach (var p in parties)
        {
            var male = (p.IdNumber![16] - '0') % 2 == 1;
            var birth = DateOnly.ParseExact(p.IdNumber.AsSpan(6, 8), "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
            Assert.That(male ? "男" : "女", Is.EqualTo(p.Gender));
            Assert.That(birth, Is.InRange(new DateOnly(1940, 1, 1), new DateOnly(2008, 2, 17)));
        }
    }

    [Test]
    public void No_incident_is_in_the_future_or_before_the_window()
    {
        var times = Generate(13, 2000, TimeSpan.FromDays(30)).Select(r => r.OccurredAt!.Value).ToList();

        Assert.That(times, Has.All.LessThanOrEqualTo(Now));
        Assert.That(times, Has.All.GreaterThanOrEqualTo(Now - TimeSpan.FromDays(30)));
        Assert.That(times.Select(t => t.Offset).Distinct(), Is.EqualTo(new[] { TimeSpan.FromHours(8) }));
    }

    [Test]
    public void Dispute_types_and_addresses_come_from_the_gutang_lists()
    {
        var referrals = Generate(14, 1000, TimeSpan.FromDays(30));
        var types = new[]
        {
            "婚姻家庭", "婚恋情感", "邻里", "房屋宅基地", "山林土地", "物业", "消费", "劳动争议/欠薪", "合同债务", "损害赔偿", "道路交通事故",
            "医疗", "环境噪音", "征地拆迁", "其他",
        };

        Assert.That(referrals.Select(r => r.DisputeType).Distinct(), Is.EquivalentTo(types));
        Assert.That(referrals.Select(r => r.Address), Has.All.StartsWith("慈溪市古塘街道"));
        Assert.That(referrals.Select(r => Places.Villages.Single(v => r.Address!.Contains(v, StringComparison.Ordinal))).Distinct().Count(),
            Is.EqualTo(16));
    }

    [Test]
    public void Same_seed_gives_the_same_referrals_and_message_ids()
    {
        var first = Generate(15, 50, TimeSpan.FromDays(30)).Select(r => OutgoingReferral.Of(r, "gutang").MessageId);
        var again = Generate(15, 50, TimeSpan.FromDays(30)).Select(r => OutgoingReferral.Of(r, "gutang").MessageId);
        var other = Generate(16, 50, TimeSpan.FromDays(30)).Select(r => OutgoingReferral.Of(r, "gutang").MessageId);

        Assert.That(again, Is.EqualTo(first));
        Assert.That(other, Is.Not.EqualTo(first));
    }

    [Test]
    public void Defects_break_exactly_what_they_say()
    {
        var valid = Generate(17, 1, TimeSpan.FromDays(30))[0];

        var phone = Defects.Apply(DefectKind.BadPhone, valid, Now).Referral.Parties![0].Phone;
        var id = Defects.Apply(DefectKind.BadIdCheckDigit, valid, Now).Referral.Parties![0].IdNumber!;
        var future = Defects.Apply(DefectKind.FutureDate, valid, Now).Referral.OccurredAt;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(MobileNumber.Normalize(phone), Is.Null);
            Assert.That(IdCardNumber.Check(id, DateOnly.FromDateTime(DateTime.UtcNow), out _), Is.EqualTo(IdCardNumber.Problem.CheckDigit));
            Assert.That(future, Is.GreaterThan(Now.AddDays(1)));
            Assert.That(Defects.Apply(DefectKind.UnknownDisputeType, valid, Now).Referral.DisputeType, Is.EqualTo("打架斗殴"));
            Assert.That(JsonSerializer.Serialize(Defects.Apply(DefectKind.UnreadableAmount, valid, Now).Referral, ReferralJson.Options),
                Is.EqualTo(JsonSerializer.Serialize(valid, ReferralJson.Options)), "this one lives in the CSV cell only");
        }
    }

    [TestCase("33028219900101123", '1')]
    [TestCase("11010519491231002", 'X')]
    [TestCase("33028219990101123", '7')]
    public void Check_character_follows_gb_11643(string first17, char expected) =>
        Assert.That(IdNumbers.CheckCharacter(first17), Is.EqualTo(expected));
}
