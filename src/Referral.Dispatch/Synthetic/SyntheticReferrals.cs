using Referral.Contracts;

namespace Referral.Dispatch.Synthetic;

/// <summary>
/// Invents valid referrals for load tests and demo imports: plausible people, places and stories,
/// every phone and ID number valid, every incident within the window before now. The same seed gives
/// the same referrals for the same clock.
/// </summary>
internal sealed class SyntheticReferrals(int seed, TimeProvider time, TimeSpan window)
{
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);
    private readonly Random _random = new(seed);
    private readonly DateTimeOffset _now = time.GetUtcNow();

    public IncidentReferred Next(string incidentNumber, string stationCode)
    {
        var story = DisputeStories.All[_random.Next(DisputeStories.All.Count)];
        var address = Places.Address(_random);
        var parties = Enumerable.Range(0, Chance(0.1) ? 3 : Chance(0.1) ? 1 : 2)
            .Select(i => Party(i == 0 ? "申请人" : "被申请人", i == 0 || Chance(0.3) ? address : Places.Address(_random)))
            .ToList();
        return new IncidentReferred
        {
            IncidentNumber = incidentNumber,
            StationCode = stationCode,
            OccurredAt = OccurredAt(),
            Address = address,
            DisputeType = story.Type,
            Summary = story.Summaries[_random.Next(story.Summaries.Count)],
            PoliceAction = DisputeStories.PoliceActions[_random.Next(DisputeStories.PoliceActions.Count)],
            OfficerName = People.Name(_random, male: Chance(0.8)),
            Parties = parties,
            Risk = Risk(story, parties.Count),
        };
    }

    /// <summary>Whole seconds in China Standard Time, at or before now.</summary>
    private DateTimeOffset OccurredAt()
    {
        var ago = TimeSpan.FromSeconds(Math.Ceiling(_random.NextDouble() * window.TotalSeconds));
        var utc = _now - ago;
        utc = new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        return utc.ToOffset(ChinaStandardTime);
    }

    private PartyInfo Party(string role, string address)
    {
        var male = Chance(0.55);
        var today = DateOnly.FromDateTime(_now.ToOffset(ChinaStandardTime).DateTime);
        return new PartyInfo
        {
            Name = People.Name(_random, male),
            Gender = male ? "男" : "女",
            Phone = Chance(0.95) ? People.Mobile(_random) : null,
            IdNumber = Chance(0.8) ? IdNumbers.Make(_random, People.BirthDate(_random, today), male) : null,
            Address = address,
            Role = role,
        };
    }

    /// <summary>Mostly calm disputes, with the share of warning signs a station sees (most cases end up green).</summary>
    private RiskInfo Risk(DisputeStories.Story story, int partiesCount)
    {
        var calls = _random.NextDouble() switch
        {
            < 0.75 => _random.Next(0, 2),
            < 0.92 => 2,
            _ => _random.Next(3, 6),
        };
        var group = Chance(0.03);
        return new RiskInfo
        {
            PoliceCallsLast30Days = calls,
            ThreatsOrWeapons = Chance(0.04),
            Violence = Chance(0.05),
            SelfHarmRisk = Chance(0.02),
            VulnerablePersons = Chance(0.12),
            PartiesCount = group ? _random.Next(10, 40) : partiesCount,
            AmountAtStakeYuan = story.InvolvesMoney ? _random.Next(5, 2000) * 100m : null,
            LeftHome = story.Relationship && Chance(0.15),
        };
    }

    private bool Chance(double probability) => _random.NextDouble() < probability;
}
