using System.Diagnostics;

namespace Referral.Reliability.Tests.Support;

/// <summary>
/// What a fault test proves: of the referrals sent, every one the broker confirmed (or the service
/// answered) is exactly one case. <c>lost</c> counts confirmed referrals without a case, <c>duplicates</c>
/// the cases beyond the first of an incident number.
/// </summary>
public sealed record Reconciliation(string Scenario, int Sent, int Confirmed, int Cases, int Duplicates, int Lost)
{
    public override string ToString() =>
        $"[{Scenario}] profile={FaultProfile.Current.Name} sent={Sent} confirmed={Confirmed} cases={Cases} duplicates={Duplicates} lost={Lost}";

    public static async Task<Reconciliation> TakeAsync(string scenario, string databaseFile, string prefix, int sent, IReadOnlyCollection<string> confirmed)
    {
        var cases = await Ledger.CasesPerIncidentAsync(databaseFile, prefix);
        return new Reconciliation(scenario, sent, confirmed.Count, cases.Count,
            Duplicates: cases.Values.Sum(n => n - 1),
            Lost: confirmed.Count(incident => !cases.ContainsKey(incident)));
    }

    /// <summary>
    /// Waits until no confirmed referral is missing and the intake queue is empty (or the time is up),
    /// then prints the line and asserts lost = 0 and duplicates = 0.
    /// </summary>
    public static async Task<Reconciliation> SettleAsync(string scenario, ServiceProcess service, RabbitNode node, string virtualHost, string prefix,
        int sent, IReadOnlyCollection<string> confirmed, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        var limit = timeout ?? FaultProfile.Current.Settle;
        Reconciliation line;
        while (true)
        {
            line = await TakeAsync(scenario, service.DatabaseFile, prefix, sent, confirmed);
            if (line.Lost == 0 && await node.ReadyMessagesAsync(virtualHost, "referral-intake") == 0) break;
            if (clock.Elapsed > limit) break;
            await Task.Delay(1000);
        }
        // A last look once the broker holds nothing for the intake, neither ready nor being handled: a redelivery
        // still in flight would otherwise show as a duplicate only after the count was taken.
        while (await node.QueueDepthAsync(virtualHost, "referral-intake") != (0, 0) && clock.Elapsed < limit + TimeSpan.FromMinutes(1))
            await Task.Delay(500);
        line = await TakeAsync(scenario, service.DatabaseFile, prefix, sent, confirmed);
        Report(line, clock.Elapsed);
        Assert.Multiple(() =>
        {
            Assert.That(line.Lost, Is.Zero, $"{line}: confirmed referrals without a case\n{service.LogTail()}");
            Assert.That(line.Duplicates, Is.Zero, $"{line}: incident numbers with more than one case");
        });
        return line;
    }

    public static void Report(Reconciliation line, TimeSpan settled)
    {
        var text = $"{line} settled_in={settled.TotalSeconds:0.0}s";
        TestContext.Progress.WriteLine(text);
        // Collected for docs/reliability.md.
        File.AppendAllText(Path.Combine(Path.GetTempPath(), "referral-faults-figures.txt"), $"{DateTime.UtcNow:O} {text}\n");
    }
}
