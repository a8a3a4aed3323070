using System.Diagnostics;
using System.Globalization;
using Referral.Reliability.Tests.Support;
using Referral.Testing;

namespace Referral.Reliability.Tests;

/// <summary>Fault 7: the SMTP server is down for the daily digest run and back later (ten minutes in the full profile).</summary>
public sealed class SmtpOutageTests : FaultTest
{
    [Test]
    public async Task Digests_queued_while_smtp_is_down_are_each_delivered_exactly_once_when_it_is_back()
    {
        // Its own server, so that stopping it disturbs no other test (the shared helper of Referral.Testing).
        await using var smtp = SmtpServerProcess.OnFreePort();
        var vhost = await Node.AddVirtualHostAsync("smtp");
        var service = Service(vhost, new Dictionary<string, string>
        {
            ["Mail:Mode"] = "Smtp",
            ["Mail:Host"] = "127.0.0.1",
            ["Mail:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Mail:Security"] = "None",
            // Today a working day whatever the date, the daily digest due from midnight, and the job every
            // 5 seconds: it runs many times during the outage, which must not queue anything twice.
            ["Calendar:File"] = WorkingEveryDayCalendar(),
            ["Digests:DailyAt"] = "00:00",
            ["Scheduling:DigestCron"] = "0/5 * * * * ?",
            // Each run that finds nothing due says so: the test counts runs instead of sleeping through them.
            ["Logging:LogLevel:Referral.Service.Digests.DigestJob"] = "Debug",
        });
        await service.StartAndWaitReadyAsync();

        // The run happens while nothing listens on the SMTP port: its digests are queued, sends fail.
        const string digests = "FROM OutgoingMail WHERE Kind LIKE 'digest-%'";
        await WaitForAsync(async () => await Ledger.ScalarAsync(service.DatabaseFile, $"SELECT COUNT(*) {digests} AND Attempts > 0") > 0,
            TimeSpan.FromMinutes(2), "the digest run and a failed send", service);
        var down = Stopwatch.StartNew();
        await Task.Delay(Profile.SmtpOutage);
        var queued = await Ledger.ScalarAsync(service.DatabaseFile, $"SELECT COUNT(*) {digests}");
        var attempts = await Ledger.ScalarAsync(service.DatabaseFile, $"SELECT COALESCE(SUM(Attempts), 0) {digests}");
        Assert.That(await Ledger.ScalarAsync(service.DatabaseFile, $"SELECT COUNT(*) {digests} AND SentAt IS NOT NULL"), Is.Zero);
        await smtp.StartAsync();
        TestContext.Progress.WriteLine($"SMTP down {down.Elapsed.TotalSeconds:0} s after the run: {queued} digests queued, {attempts} failed attempts; SMTP up");

        var back = Stopwatch.StartNew();
        await WaitForAsync(async () => await Ledger.ScalarAsync(service.DatabaseFile, $"SELECT COUNT(*) {digests} AND SentAt IS NULL") == 0,
            Profile.SmtpOutage + TimeSpan.FromMinutes(10), "every digest sent", service);
        // Two more digest runs after the last send: nothing new may go out.
        var runs = IdleDigestRuns(service);
        await WaitForAsync(() => Task.FromResult(IdleDigestRuns(service) >= runs + 2), TimeSpan.FromMinutes(2), "two more digest runs", service);
        await WaitForAsync(async () => await Ledger.ScalarAsync(service.DatabaseFile, $"SELECT COUNT(*) {digests} AND SentAt IS NULL") == 0,
            TimeSpan.FromMinutes(1), "nothing left to send", service);

        var received = smtp.Messages().Where(m => m.Headers["X-Referral-Kind"]?.StartsWith("digest-", StringComparison.Ordinal) == true).ToList();
        var perRecipient = received.GroupBy(m => (Kind: m.Headers["X-Referral-Kind"], To: m.To.ToString())).ToList();
        var line = $"[smtp-outage] profile={Profile.Name} queued={queued} delivered={received.Count} recipients={perRecipient.Count} " +
                   $"duplicates={received.Count - perRecipient.Count} lost={queued - perRecipient.Count} delivered_in={back.Elapsed.TotalSeconds:0}s_after_smtp_up";
        TestContext.Progress.WriteLine(line);
        File.AppendAllText(Path.Combine(Path.GetTempPath(), "referral-faults-figures.txt"), $"{DateTime.UtcNow:O} {line}\n");
        Assert.Multiple(() =>
        {
            Assert.That(queued, Is.Positive);
            Assert.That(received, Has.Count.EqualTo(queued), "each queued digest delivered once");
            Assert.That(perRecipient.Where(g => g.Count() > 1).Select(g => g.Key), Is.Empty, "no recipient got a digest twice");
            Assert.That(received.Select(m => m.MessageId).Distinct().Count(), Is.EqualTo(received.Count));
        });
        await AssertReadyAsync(service);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, ServiceProcess service)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > timeout) Assert.Fail($"{what}: not within {timeout.TotalSeconds:0} s\n{service.LogTail()}");
            await Task.Delay(1000);
        }
    }

    private static int IdleDigestRuns(ServiceProcess service) =>
        ChildProcess.Tail(service.LogFile, int.MaxValue).Split('\n').Count(l => l.Contains("Digest run: nothing due", StringComparison.Ordinal));

    /// <summary>A calendar in which the days around today are all working days (weekends listed as 调休).</summary>
    private string WorkingEveryDayCalendar()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var weekend = Enumerable.Range(-3, 7).Select(today.AddDays).Where(d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            .Select(d => $"{{ \"date\": \"{d:yyyy-MM-dd}\", \"name\": \"测试调休\" }}");
        var path = Path.Combine(Folder, "calendar.json");
        File.WriteAllText(path, $$"""
            {
              "source": "fault suite: every day around today is a working day",
              "timeZone": "Asia/Shanghai",
              "workingHours": [ { "start": "08:30", "end": "12:00" }, { "start": "13:30", "end": "17:30" } ],
              "holidays": [],
              "workingDays": [ {{string.Join(", ", weekend)}} ]
            }
            """);
        return path;
    }
}
