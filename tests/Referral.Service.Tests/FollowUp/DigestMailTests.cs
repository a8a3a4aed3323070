using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Referral.Contracts;
using Referral.Core.Cases;
using Referral.Core.Privacy;
using Referral.Service.Digests;
using Referral.Service.Escalation;
using Referral.Service.Tests.Access;
using Referral.Testing;
using static Referral.Service.Tests.FollowUp.Shanghai;

namespace Referral.Service.Tests.FollowUp;

/// <summary>
/// The digests of Monday 23 November 2026 through the real SMTP server (aiosmtpd), read back with MimeKit: who gets
/// what, the subjects, the cases listed with links to their pages, both parts in Chinese, nothing unmasked, and an
/// empty digest that says so. The service's sender address is unique to this fixture, so the shared mailbox's other
/// messages are told apart.
/// </summary>
public sealed class DigestMailTests
{
    private const string BaseUrl = "https://referral.gutang.example";
    private readonly string _from = $"digests-{Guid.NewGuid():N}@referral.local";
    private readonly FakeTimeProvider _clock = new(At("2026-11-16 09:00"));
    private ReferralApp _app = null!;
    private CaseArranger _arrange = null!;
    private IncidentReferred _overdue = null!;
    private IncidentReferred _fresh = null!;
    private IncidentReferred _closed = null!;
    private Guid _closedId;
    private MimeMessage _followUp = null!;
    private Guid _overdueId;
    private Guid _freshId;
    private IReadOnlyList<MimeMessage> _digests = [];

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        TestEnvironment.RequireSmtp();
        _app = new ReferralApp(new ReferralAppOptions
        {
            Services = s => s.AddSingleton<TimeProvider>(_clock),
            Settings = new Dictionary<string, string?>
            {
                ["Mail:Mode"] = "Smtp",
                ["Mail:Host"] = TestEnvironment.SmtpHost,
                ["Mail:Port"] = TestEnvironment.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Mail:Security"] = "None",
                ["Mail:FromAddress"] = _from,
                ["Mail:BaseUrl"] = BaseUrl,
                ["Scheduling:EscalationSweepCron"] = "0 0 0 1 1 ? 2099",
                ["Scheduling:DigestCron"] = "0 0 0 1 1 ? 2099",
            },
        });
        await _app.StartAsync();
        _arrange = new CaseArranger(_app);

        // Monday 16 November: a 邻里 case for 海晏村, closed the same morning: its follow-up visit is due on the 23rd.
        _closed = Referral("邻里", "海晏村", null);
        _closedId = await _arrange.ReferAsync(_closed);
        _clock.SetUtcNow(At("2026-11-16 10:00"));
        await _arrange.ActAsync(_closedId, CaseArranger.Handler("haiyan"), (c, a, now, _) => c.Accept(a, null, now));
        _clock.SetUtcNow(At("2026-11-16 11:00"));
        await _arrange.ActAsync(_closedId, CaseArranger.Handler("haiyan"),
            (c, a, now, w) => c.Close(a, CaseOutcome.AgreementReached, "双方达成调解协议", w, now));
        // Thursday 19 November: a red 合同债务 case for 司法所, never accepted (its 2 hours ran out that morning).
        _clock.SetUtcNow(At("2026-11-19 09:00"));
        _overdue = Referral("合同债务", "栖凤村", new RiskInfo { Violence = true });
        _overdueId = await _arrange.ReferAsync(_overdue);
        // Monday 23 November 08:00: a green 消费 case for 市场监管, waiting to be accepted.
        _clock.SetUtcNow(At("2026-11-23 08:00"));
        _fresh = Referral("消费", "白沙村", null);
        _freshId = await _arrange.ReferAsync(_fresh);

        _clock.SetUtcNow(At("2026-11-23 08:30"));
        await _app.Services.GetRequiredService<EscalationSweep>().RunAsync(CancellationToken.None);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            Assert.That(await scope.ServiceProvider.GetRequiredService<DigestService>().SendDailyIfDueAsync(CancellationToken.None), Is.EqualTo(24),
                "日清: 23 departments and the center");
        }
        _clock.SetUtcNow(At("2026-11-23 09:00"));
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            Assert.That(await scope.ServiceProvider.GetRequiredService<DigestService>().SendWeeklyIfDueAsync(CancellationToken.None), Is.EqualTo(3),
                "周结: the center, the supervisor, and a reminder to 司法所");
        }
        _clock.SetUtcNow(At("2026-11-23 17:30"));
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            Assert.That(await scope.ServiceProvider.GetRequiredService<DigestService>().SendFollowUpRemindersAsync(CancellationToken.None), Is.EqualTo(1),
                "回访: the case closed a week ago");
        }
        _followUp = await Mailbox.WaitForAsync(m => m.From.Mailboxes.Any(f => f.Address == _from) && Kind(m) == "follow-up-due", TimeSpan.FromSeconds(60));
        _digests = await Eventually.GetAsync(() =>
        {
            var mine = Mailbox.All().Where(m => m.From.Mailboxes.Any(f => f.Address == _from) && Kind(m).StartsWith("digest-", StringComparison.Ordinal)).ToList();
            return Task.FromResult(mine.Count >= 27 ? mine : null);
        }, TimeSpan.FromSeconds(60), "27 digests in the SMTP mailbox");
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [Test]
    public void Each_recipient_gets_each_digest_once()
    {
        var departments = new[] { "zhzf", "scjg", "fulian", "sfs", "ldjc", "tjgzs", "zyz", "tangdong", "tangxi", "chaotang", "haiyan", "yunxia", "donghe",
            "beiqiao", "qifeng", "guixiang", "qinghe", "luwan", "xinpu", "baisha", "liuan", "shihu", "nanyuan" };
        var expected = departments.Select(d => $"digest-daily {d}@gutang.example")
            .Append("digest-center center@gutang.example")
            .Append("digest-weekly center@gutang.example")
            .Append("digest-weekly leader@gutang.example")
            .Append("digest-reminder sfs@gutang.example");
        Assert.That(_digests.Select(m => $"{Kind(m)} {m.To.Mailboxes.Single().Address}").Order(StringComparer.Ordinal),
            Is.EqualTo(expected.Order(StringComparer.Ordinal)));
    }

    [Test]
    public void A_department_digest_lists_its_cases_in_Chinese_with_links_in_both_parts()
    {
        var sfs = Single("digest-daily", "sfs@gutang.example");
        var scjg = Single("digest-daily", "scjg@gutang.example");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sfs.Subject, Is.EqualTo("【警情通办】日清提醒 2026年11月23日：超期1件，今日到期0件"));
            Assert.That(sfs.To.Mailboxes.Single().Name, Is.EqualTo("古塘司法所（人民调解委员会）"));
            Assert.That(scjg.Subject, Is.EqualTo("【警情通办】日清提醒 2026年11月23日：超期0件，今日到期0件"));
            foreach (var (message, c, id) in new[] { (sfs, _overdue, _overdueId), (scjg, _fresh, _freshId) })
            {
                Assert.That(Text(message), Does.Contain(c.IncidentNumber).And.Contain($"{BaseUrl}/cases/{id}"), "the plain-text part");
                Assert.That(Html(message), Does.Contain(c.IncidentNumber).And.Contain($"href=\"{BaseUrl}/cases/{id}\""), "the HTML part");
                Assert.That(Text(message), Does.Contain(PersonalData.MaskName(c.Parties![0].Name)));
            }
            Assert.That(Section(Text(sfs), "已超期"), Does.Contain(_overdue.IncidentNumber), "the red case missed its accept deadline");
            Assert.That(Text(sfs), Does.Contain("（红）").And.Contain("签收期限 2026-11-19 11:00，超期 2 个工作日"), "due Thursday 11:00; Friday and Monday have begun since");
            Assert.That(Section(Text(scjg), "待签收"), Does.Contain(_fresh.IncidentNumber), "the new case waits to be accepted");
            Assert.That(Text(sfs), Does.Not.Contain(_fresh.IncidentNumber), "a department sees only its own cases");
        }
    }

    [Test]
    public void The_centers_summary_and_the_weekly_review_list_the_overdue_red_case()
    {
        var center = Single("digest-center", "center@gutang.example");
        var weekly = Single("digest-weekly", "center@gutang.example");
        var leader = Single("digest-weekly", "leader@gutang.example");
        var reminder = Single("digest-reminder", "sfs@gutang.example");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(center.Subject, Is.EqualTo("【警情通办】日清汇总 2026年11月23日：红色预警1件"));
            Assert.That(Text(center), Does.Contain("古塘司法所（人民调解委员会）：在办 1，待签收 1，超期 1").And.Contain(_overdue.IncidentNumber));
            Assert.That(Text(center), Does.Contain("古塘市场监管所：在办 1，待签收 1，超期 0"));
            Assert.That(weekly.Subject, Is.EqualTo("【警情通办】周结 2026-W48：未正常完结案件1件"));
            Assert.That(leader.Subject, Is.EqualTo(weekly.Subject));
            Assert.That(Text(weekly), Does.Contain(_overdue.IncidentNumber).And.Contain("古塘司法所（人民调解委员会）").And.Contain("列入原因：超期"));
            Assert.That(Text(weekly), Does.Not.Contain(_fresh.IncidentNumber), "a case within its deadlines is not in the weekly review");
            Assert.That(Html(weekly), Does.Contain($"href=\"{BaseUrl}/cases/{_overdueId}\""));
            Assert.That(reminder.Subject, Is.EqualTo("【警情通办】督促提醒 2026-W48：1件案件未正常完结"));
            Assert.That(Text(reminder), Does.Contain("督促提醒 · 古塘司法所（人民调解委员会）").And.Contain(_overdue.IncidentNumber));
        }
    }

    [Test]
    public void An_empty_digest_says_there_are_no_cases()
    {
        var fulian = Single("digest-daily", "fulian@gutang.example");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(fulian.Subject, Is.EqualTo("【警情通办】日清提醒 2026年11月23日：今日无待办案件"));
            Assert.That(Text(fulian), Does.Contain("今日无待办案件").And.Contain("无案件。"));
            Assert.That(Html(fulian), Does.Contain("今日无待办案件"));
        }
    }

    [Test]
    public void The_follow_up_reminder_goes_to_the_department_that_closed_the_case()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_followUp.To.Mailboxes.Single().Address, Is.EqualTo("haiyan@gutang.example"));
            Assert.That(_followUp.Subject, Is.EqualTo($"【警情通办】回访提醒：{_closed.IncidentNumber}（绿）"));
            Assert.That(Text(_followUp), Does.Contain("回访时间已到").And.Contain($"{BaseUrl}/cases/{_closedId}"));
            Assert.That(Html(_followUp), Does.Contain($"href=\"{BaseUrl}/cases/{_closedId}\""));
            Assert.That(new[] { Text(_followUp), Html(_followUp) }.Where(p => PersonalData.ContainsUnmaskedNumbers(p)
                || (_closed.Parties ?? []).Any(x => p.Contains(x.Name ?? "?", StringComparison.Ordinal))), Is.Empty, "masked");
        }
    }

    [Test]
    public void Digests_carry_no_unmasked_names_phones_or_ID_numbers_in_either_part()
    {
        var secrets = new[] { _overdue, _fresh, _closed }.SelectMany(r => r.Parties ?? [])
            .SelectMany(p => new[] { p.Name, p.Phone, p.IdNumber }).OfType<string>().Where(s => s.Length > 0).ToList();
        using (Assert.EnterMultipleScope())
        {
            foreach (var m in _digests.Append(_followUp))
            {
                Assert.That(m.TextBody, Is.Not.Null.And.Not.Empty, $"{m.Subject}: a plain-text part");
                Assert.That(m.HtmlBody, Is.Not.Null.And.Not.Empty, $"{m.Subject}: an HTML part");
                Assert.That(Text(m) + Html(m), Does.Contain("当事人"), $"{m.Subject}: Chinese text");
                foreach (var part in new[] { Text(m), Html(m) })
                {
                    Assert.That(secrets.Where(s => part.Contains(s, StringComparison.Ordinal)), Is.Empty, $"{Kind(m)} to {m.To}: unmasked personal data");
                    Assert.That(PersonalData.ContainsUnmaskedNumbers(part), Is.False, $"{Kind(m)} to {m.To}: a phone or ID number");
                }
            }
        }
    }

    private IncidentReferred Referral(string disputeType, string village, RiskInfo? risk)
    {
        var referral = Referrals.Valid(disputeType: disputeType, address: Referrals.UniqueAddress(village), risk: risk) with
        {
            OccurredAt = _clock.GetUtcNow().AddHours(-2),
        };
        return referral;
    }

    private MimeMessage Single(string kind, string to) =>
        _digests.Single(m => Kind(m) == kind && m.To.Mailboxes.Single().Address == to);

    private static string Kind(MimeMessage m) => m.Headers["X-Referral-Kind"] ?? "";

    private static string Text(MimeMessage m) => m.TextBody ?? "";

    private static string Html(MimeMessage m) => m.HtmlBody ?? "";

    /// <summary>The lines of one 【section】 of a plain-text digest.</summary>
    private static string Section(string text, string title)
    {
        var start = text.IndexOf($"【{title}】", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), $"the section {title}");
        var end = text.IndexOf('【', start + 1);
        return end < 0 ? text[start..] : text[start..end];
    }
}
