using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Referral.Service.Digests;
using Referral.Testing;
using static Referral.Service.Tests.FollowUp.Shanghai;

namespace Referral.Service.Tests.FollowUp;

/// <summary>
/// The morning's digests are queued while the SMTP server is down: sends fail (Polly retries, then the circuit opens)
/// and wait for their retry. Once the
/// server is back, each digest arrives exactly once, and running the digest job again queues nothing. The server
/// is the test's own (aiosmtpd on a free port), so stopping it disturbs no other test.
/// </summary>
public sealed class DigestOutageTests
{
    [Test]
    public async Task Digests_queued_while_the_SMTP_server_is_down_arrive_exactly_once_when_it_is_back()
    {
        await using var smtp = SmtpServerProcess.OnFreePort();
        var clock = new FakeTimeProvider(At("2026-11-24 08:30"));
        await using var app = new ReferralApp(new ReferralAppOptions
        {
            Services = s => s.AddSingleton<TimeProvider>(clock),
            Settings = new Dictionary<string, string?>
            {
                ["Mail:Mode"] = "Smtp",
                ["Mail:Host"] = smtp.Host,
                ["Mail:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Mail:Security"] = "None",
                ["Scheduling:EscalationSweepCron"] = "0 0 0 1 1 ? 2099",
                ["Scheduling:DigestCron"] = "0 0 0 1 1 ? 2099",
            },
        });
        await app.StartAsync();

        Assert.That(await SendDailyAsync(app), Is.EqualTo(24), "日清 of Tuesday 24 November: 23 departments and the center");
        await Eventually.UntilAsync(() => app.QueryAsync(db => db.OutgoingMail.AnyAsync(m => m.Attempts > 0 && m.LastError != null)),
            TimeSpan.FromSeconds(60), "a send to fail while the server is down");
        Assert.That(await app.QueryAsync(db => db.OutgoingMail.CountAsync(m => m.SentAt != null)), Is.Zero, "nothing is sent while the server is down");

        await smtp.StartAsync();
        // Failed sends wait for their retry on the service's clock: move it on until everything went out.
        await Eventually.UntilAsync(async () =>
        {
            clock.Advance(TimeSpan.FromMinutes(5));
            return await app.QueryAsync(db => db.OutgoingMail.AllAsync(m => m.SentAt != null));
        }, TimeSpan.FromSeconds(120), "every digest to be sent once the server is back");
        Assert.That(await SendDailyAsync(app), Is.Zero, "a second run of the job the same day queues nothing");

        var rows = await app.QueryAsync(db => db.OutgoingMail.AsNoTracking().ToListAsync());
        var received = smtp.Messages();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(rows, Has.Count.EqualTo(24));
            Assert.That(received.Select(m => m.MessageId).Order(StringComparer.Ordinal),
                Is.EqualTo(rows.Select(r => r.MessageId).Order(StringComparer.Ordinal)), "each digest arrived exactly once");
            Assert.That(received.Select(m => m.To.Mailboxes.Single().Address).Distinct().Count(), Is.EqualTo(24), "one per recipient");
            Assert.That(received.Select(m => m.Subject).Distinct(), Is.EquivalentTo(new[]
            {
                "【警情通办】日清提醒 2026年11月24日：今日无待办案件", "【警情通办】日清汇总 2026年11月24日：无在办案件",
            }));
        }
    }

    private static async Task<int> SendDailyAsync(ReferralApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DigestService>().SendDailyIfDueAsync(CancellationToken.None);
    }
}
