using BenchmarkDotNet.Attributes;
using Referral.Core.Reference;
using Referral.Core.Routing;

namespace Referral.Benchmarks.Micro;

/// <summary>
/// <see cref="Router.Route"/> over 1,000 rules (dispute types, areas, keywords, priorities): a referral
/// matched by the last rule in priority order (every rule tried), one matched half way, one matched by none.
/// </summary>
[MemoryDiagnoser]
public class RoutingBenchmarks
{
    private static readonly string[] Types =
        ["neighbour", "marriage-family", "romance", "housing-land", "consumer", "labour-wages", "contract-debt", "damages", "traffic-accident", "other"];

    private List<RoutingRule> _rules = [];
    private List<Area> _areas = [];
    private RoutingFacts _last = null!;
    private RoutingFacts _middle = null!;
    private RoutingFacts _none = null!;

    [Params(1000)]
    public int Rules { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _areas = Enumerable.Range(0, 50).Select(i => new Area
        {
            Code = $"area{i:D2}", Name = $"第{i}村", Aliases = [$"{i}号村"], DepartmentCode = $"village{i:D2}",
        }).ToList();
        _rules = Enumerable.Range(0, Rules).Select(i => new RoutingRule
        {
            Name = $"规则{i}",
            Priority = i,
            DisputeTypeCodes = [Types[i % Types.Length]],
            AreaCodes = [_areas[i % _areas.Count].Code],
            Keywords = [$"关键词{i}", "漏水"],
            LeadDepartmentCode = i % 3 == 0 ? RoutingRule.AreaDepartment : $"dept{i % 20}",
        }).ToList();
        var lastRule = _rules[^1];
        var middleRule = _rules[Rules / 2];
        _last = new RoutingFacts(lastRule.DisputeTypeCodes[0], lastRule.AreaCodes[0], "慈溪市古塘街道", $"楼上{lastRule.Keywords[0]}导致纠纷");
        _middle = new RoutingFacts(middleRule.DisputeTypeCodes[0], middleRule.AreaCodes[0], "慈溪市古塘街道", $"楼上{middleRule.Keywords[0]}导致纠纷");
        _none = new RoutingFacts("other", null, "慈溪市古塘街道某处", "双方口角");
    }

    [Benchmark(Baseline = true)]
    public RoutingDecision MatchedByTheLastRule() => Router.Route(_last, _rules, _areas);

    [Benchmark]
    public RoutingDecision MatchedHalfWay() => Router.Route(_middle, _rules, _areas);

    [Benchmark]
    public RoutingDecision MatchedByNone() => Router.Route(_none, _rules, _areas);
}
