namespace Referral.Service.Dashboard;

/// <summary>The demo's dispute types, how often each occurs, and the kind of summary an officer writes for it.</summary>
internal static class DemoStories
{
    public sealed record Story(string TypeCode, int Weight, bool InvolvesMoney, string[] Summaries);

    public static readonly IReadOnlyList<Story> All =
    [
        new("neighbour", 18, false, ["双方因楼道堆放杂物多次发生口角，今晚再次争吵。", "双方因房屋排水问题发生争执，各执一词。"]),
        new("marriage-family", 16, false, ["夫妻因家庭琐事发生争吵，一方情绪激动。", "双方因子女抚养问题多次争吵，今晚再次发生冲突。"]),
        new("romance", 6, true, ["双方分手后因财物返还问题发生纠纷。", "一方分手后多次到对方住处纠缠，双方发生争执。"]),
        new("housing-land", 7, false, ["双方因宅基地界址问题发生争执。", "一方翻建房屋占用公共通道，双方发生纠纷。"]),
        new("forest-land", 2, false, ["双方因承包地边界问题发生争执。"]),
        new("property-management", 6, true, ["业主与物业公司因物业费收取问题发生争执。", "业主与物业因停车位管理问题发生口角。"]),
        new("consumer", 7, true, ["顾客购买商品后要求退货被拒，双方发生争执。", "预付卡商家停业后拒不退款，双方发生纠纷。"]),
        new("labour-wages", 9, true, ["工地老板拖欠工资，工人多次讨要未果。", "职工与用工单位因工伤待遇问题发生争执。"]),
        new("contract-debt", 9, true, ["借款到期未还，双方发生争执。", "双方因装修合同款项结算问题发生纠纷。"]),
        new("damages", 6, true, ["饲养的狗咬伤路人，双方就赔偿金额协商不成。", "施工时损坏他人车辆，双方就赔偿发生争议。"]),
        new("traffic-accident", 5, true, ["电动自行车与小型轿车发生轻微碰擦，双方就赔偿发生争议。"]),
        new("medical", 2, true, ["患者家属认为在诊所治疗后病情加重，与诊所负责人发生争执。"]),
        new("noise-environment", 4, false, ["附近厂房夜间生产噪音扰民，居民与厂方发生争执。", "居民与广场舞团队因音响音量过大发生口角。"]),
        new("land-requisition", 1, true, ["对拆迁补偿标准有异议，与拆迁工作人员发生争执。"]),
        new("other", 2, false, ["双方因停车问题发生争执。"]),
    ];

    public static readonly string[] PoliceActions =
    [
        "民警到场后对双方进行劝解，告知相关法律规定，双方情绪稳定，建议通过调解解决。",
        "民警到场将双方分开，分别了解情况并做好记录，双方同意由街道矛调中心进一步调解。",
        "民警现场调解未果，已固定相关证据，告知双方可通过人民调解或诉讼途径解决。",
    ];

    public static readonly string[] Progress =
    [
        "电话联系双方当事人，了解诉求，情绪平稳。",
        "上门走访，听取双方意见，做思想疏导工作。",
        "组织双方面对面调解，初步形成调解意向。",
        "会同村（社区）干部再次走访，双方分歧缩小。",
        "联系相关部门核实情况，向当事人反馈。",
    ];

    public static Story Pick(Random random)
    {
        var roll = random.Next(All.Sum(s => s.Weight));
        foreach (var story in All)
        {
            if (roll < story.Weight) return story;
            roll -= story.Weight;
        }
        return All[^1];
    }

    public static T OneOf<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
