using Referral.Dispatch.Bus;
using Referral.Dispatch.Commands;
using Referral.Dispatch.Load;
using Referral.Dispatch.Referrals;
using Referral.Dispatch.Synthetic;

namespace Referral.Reliability.Tests.Support;

/// <summary>
/// A burst of synthetic referrals from the dispatch client (<c>referral-dispatch load</c>'s own
/// <see cref="LoadRun"/>, in process), which re-sends what a lost connection left unconfirmed.
/// </summary>
internal sealed class Burst
{
    private readonly List<OutgoingReferral> _referrals;
    private LoadFigures _figures;

    public Burst(string scenario, int count, double? rate = null)
    {
        Prefix = $"F{scenario.ToUpperInvariant()}{DateTime.UtcNow:HHmmss}";
        var generator = new SyntheticReferrals(8, TimeProvider.System, TimeSpan.FromDays(30));
        _referrals = Enumerable.Range(1, count)
            .Select(n => OutgoingReferral.Of(generator.Next(SyntheticOptions.IncidentNumber(Prefix, n), "gutang"), "gutang")).ToList();
        Rate = rate;
        _figures = new LoadFigures { Via = "bus", Count = count, Rate = rate, Prefix = Prefix, Seed = 8 };
    }

    public string Prefix { get; }
    public double? Rate { get; }
    public int Count => _referrals.Count;
    public LoadFigures Figures => _figures;
    private LoadRun? Run { get; set; }

    /// <summary>Sends the whole burst through the bus door; returns once every referral was confirmed or given up on.</summary>
    public async Task<LoadFigures> SendAsync(Uri amqp, TimeSpan resendFor, CancellationToken cancellationToken = default)
    {
        await using var door = await BusDoor.ConnectAsync(amqp, "referral.incoming", maxOutstanding: 1000, cancellationToken);
        Run = new LoadRun(door, _referrals, Rate, resendFor);
        // A bound, so that a client stuck on a dead connection fails the test instead of hanging the suite.
        _figures = await Run.RunAsync(_figures, wait: false, TimeSpan.FromSeconds(30), cancellationToken)
            .WaitAsync(resendFor + FaultProfile.Current.BurstDuration + TimeSpan.FromMinutes(2), cancellationToken);
        TestContext.Progress.WriteLine($"burst {Prefix}: sent={_figures.Sent} confirmed={_figures.Confirmed} failed={_figures.Failed} " +
                                       $"resent={_figures.Resent} elapsed={_figures.ElapsedSeconds}s");
        return _figures;
    }

    /// <summary>The incident numbers the broker confirmed: each must become exactly one case.</summary>
    public IReadOnlyCollection<string> Confirmed() => Run?.Confirmed().Select(r => r.IncidentNumber).ToHashSet() ?? [];
}
