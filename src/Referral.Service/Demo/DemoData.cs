using Referral.Core.Reference;
using Referral.Core.Routing;

namespace Referral.Service.Demo;

/// <summary>
/// The Gutang street (古塘街道, Cixi) as the demo knows it: one station, the mediation center, the
/// departments the article names, 16 villages and communities with invented names, the dispute
/// taxonomy and routing rules that send each type where the article says it goes.
/// </summary>
public static class DemoData
{
    public const string StationCode = "gutang";
    public const string CenterCode = "center";

    public static Station Station => new() { Code = StationCode, Name = "慈溪市公安局古塘派出所", Email = "gutang-pcs@gutang.example" };

    public static IReadOnlyList<Department> Departments =>
    [
        new() { Code = CenterCode, Name = "古塘街道矛调中心", Kind = DepartmentKind.Center, Email = "center@gutang.example" },
        new() { Code = "zhzf", Name = "古塘街道综合执法中队", Kind = DepartmentKind.Department, Email = "zhzf@gutang.example" },
        new() { Code = "scjg", Name = "古塘市场监管所", Kind = DepartmentKind.Department, Email = "scjg@gutang.example" },
        new() { Code = "fulian", Name = "古塘街道妇联", Kind = DepartmentKind.Department, Email = "fulian@gutang.example" },
        new() { Code = "sfs", Name = "古塘司法所（人民调解委员会）", Kind = DepartmentKind.Department, Email = "sfs@gutang.example" },
        new() { Code = "ldjc", Name = "劳动保障监察中队", Kind = DepartmentKind.Department, Email = "ldjc@gutang.example" },
        new() { Code = "tjgzs", Name = "老潘调解工作室（第三方调解）", Kind = DepartmentKind.ThirdParty, Email = "tjgzs@gutang.example" },
        new() { Code = "zyz", Name = "专业志愿者服务队", Kind = DepartmentKind.Volunteer, Email = "zyz@gutang.example" },
        .. Villages.Select(v => new Department
        {
            Code = v.Code, Name = v.Name + (v.Name.EndsWith('村') ? "村委会" : "居委会"), Kind = DepartmentKind.Village,
            Email = $"{v.Code}@gutang.example",
        }),
    ];

    /// <summary>Invented names; any likeness to real villages is chance.</summary>
    public static IReadOnlyList<(string Code, string Name, string Alias)> Villages =>
    [
        ("tangdong", "塘东村", "塘东"), ("tangxi", "塘西村", "塘西"), ("chaotang", "潮塘社区", "潮塘"),
        ("haiyan", "海晏村", "海晏"), ("yunxia", "云霞社区", "云霞"), ("donghe", "东河村", "东河"),
        ("beiqiao", "北桥社区", "北桥"), ("qifeng", "栖凤村", "栖凤"), ("guixiang", "桂香社区", "桂香"),
        ("qinghe", "青禾村", "青禾"), ("luwan", "芦湾村", "芦湾"), ("xinpu", "新浦社区", "新浦"),
        ("baisha", "白沙村", "白沙"), ("liuan", "柳岸社区", "柳岸"), ("shihu", "石湖村", "石湖"),
        ("nanyuan", "南苑社区", "南苑"),
    ];

    public static IReadOnlyList<Area> Areas =>
        Villages.Select(v => new Area { Code = v.Code, Name = v.Name, Aliases = [v.Alias], DepartmentCode = v.Code }).ToList();

    public static IReadOnlyList<DisputeType> DisputeTypes =>
    [
        Type("marriage-family", "婚姻家庭", "Marriage and family", 1),
        Type("romance", "婚恋情感", "Romantic relationships", 2),
        Type("neighbour", "邻里", "Neighbours", 3),
        Type("housing-land", "房屋宅基地", "Housing and homestead land", 4),
        Type("forest-land", "山林土地", "Forest and farmland", 5),
        Type("property-management", "物业", "Property management", 6),
        Type("consumer", "消费", "Consumer", 7),
        Type("labour-wages", "劳动争议/欠薪", "Labour disputes and unpaid wages", 8),
        Type("contract-debt", "合同债务", "Contracts and debts", 9),
        Type("damages", "损害赔偿", "Damages", 10),
        Type("traffic-accident", "道路交通事故", "Road traffic accidents", 11),
        Type("medical", "医疗", "Medical", 12),
        Type("noise-environment", "环境噪音", "Environment and noise", 13),
        Type("land-requisition", "征地拆迁", "Land requisition and demolition", 14),
        Type("other", "其他", "Other", 15),
    ];

    public static IReadOnlyList<RoutingRule> RoutingRules =>
    [
        Rule("欠薪关键词 → 劳动监察", 5, [], "ldjc", keywords: ["欠薪", "拖欠工资", "讨薪"]),
        Rule("婚姻情感 → 妇联（村社协办）", 10, ["marriage-family", "romance"], "fulian", coHandlers: [RoutingRule.AreaDepartment, "zyz"]),
        Rule("劳动争议 → 劳动监察", 20, ["labour-wages"], "ldjc"),
        Rule("消费纠纷 → 市场监管", 30, ["consumer"], "scjg"),
        Rule("环境噪音 → 综合执法", 40, ["noise-environment"], "zhzf"),
        Rule("医疗纠纷 → 第三方调解", 45, ["medical"], "tjgzs", coHandlers: ["sfs"]),
        Rule("合同债务/损害赔偿/交通事故 → 司法所", 50, ["contract-debt", "damages", "traffic-accident"], "sfs"),
        Rule("物业 → 所在社区", 60, ["property-management"], RoutingRule.AreaDepartment),
        Rule("房屋宅基地/山林土地 → 所在村（司法所协办）", 65, ["housing-land", "forest-land"], RoutingRule.AreaDepartment, coHandlers: ["sfs"]),
        Rule("邻里纠纷 → 所在村社", 70, ["neighbour"], RoutingRule.AreaDepartment),
    ];

    private static DisputeType Type(string code, string zh, string en, int order) =>
        new() { Code = code, NameZh = zh, NameEn = en, SortOrder = order };

    private static RoutingRule Rule(string name, int priority, List<string> types, string lead,
        List<string>? keywords = null, List<string>? coHandlers = null) => new()
    {
        Name = name,
        Priority = priority,
        DisputeTypeCodes = types,
        LeadDepartmentCode = lead,
        Keywords = keywords ?? [],
        CoHandlerCodes = coHandlers ?? [],
        ChangedBy = "seed",
    };
}
