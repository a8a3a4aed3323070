namespace Referral.Dispatch.Synthetic;

/// <summary>The dispute taxonomy by Chinese name, with the kind of summary an officer writes for each.</summary>
internal static class DisputeStories
{
    /// <param name="InvolvesMoney">Whether an amount at stake is usual for the type.</param>
    /// <param name="Relationship">Whether someone leaving home is a sign of the dispute (婚恋、家庭).</param>
    public sealed record Story(string Type, bool InvolvesMoney, bool Relationship, IReadOnlyList<string> Summaries);

    public static readonly IReadOnlyList<Story> All =
    [
        new("婚姻家庭", false, true, ["报警人与配偶因家庭琐事发生争吵，对方情绪激动，双方互不相让。", "报警人称与配偶因子女抚养问题多次争吵，今晚再次发生冲突。"]),
        new("婚恋情感", true, true, ["报警人与前男友因分手后财物返还问题发生纠纷。", "报警人称对方分手后多次到其住处纠缠，双方发生争执。"]),
        new("邻里", false, false, ["报警人与邻居因楼道堆放杂物发生口角。", "报警人与邻居因房屋排水问题发生争执，双方各执一词。"]),
        new("房屋宅基地", false, false, ["报警人与邻居因宅基地界址问题发生争执。", "报警人称对方翻建房屋占用公共通道，双方发生纠纷。"]),
        new("山林土地", false, false, ["报警人与对方因承包地边界问题发生争执。", "报警人与对方因田埂上树木归属问题发生纠纷。"]),
        new("物业", true, false, ["业主与物业公司因物业费收取问题发生争执。", "业主与物业因小区停车位管理问题发生口角。"]),
        new("消费", true, false, ["报警人在店内购买商品后要求退货被拒，双方发生争执。", "报警人称预付卡商家停业后拒不退款，双方发生纠纷。"]),
        new("劳动争议/欠薪", true, false, ["报警人称工地老板拖欠工资，多次讨要未果。", "报警人与用工单位因工伤待遇问题发生争执。"]),
        new("合同债务", true, false, ["报警人称对方借款到期未还，双方发生争执。", "报警人与对方因装修合同款项结算问题发生纠纷。"]),
        new("损害赔偿", true, false, ["对方饲养的狗咬伤报警人，双方就赔偿金额协商不成。", "报警人称对方施工时损坏其车辆，双方就赔偿发生争议。"]),
        new("道路交通事故", true, false, ["报警人驾驶电动自行车与对方小型轿车发生轻微碰擦，双方就赔偿发生争议。", "两车在路口发生追尾，双方就责任划分发生争执。"]),
        new("医疗", true, false, ["报警人家属认为在诊所治疗后病情加重，与诊所负责人发生争执。", "报警人对牙科诊所治疗效果不满，要求退费被拒。"]),
        new("环境噪音", false, false, ["报警人反映附近厂房夜间生产噪音扰民，与厂方发生争执。", "报警人与广场舞团队因音响音量过大发生口角。"]),
        new("征地拆迁", true, false, ["报警人对拆迁补偿标准有异议，与拆迁工作人员发生争执。", "报警人与邻户因拆迁安置房分配问题发生纠纷。"]),
        new("其他", false, false, ["报警人与对方因琐事发生口角。", "报警人与对方因停车问题发生争执。"]),
    ];

    public static readonly IReadOnlyList<string> PoliceActions =
    [
        "民警到场后对双方进行劝解，告知相关法律规定，双方情绪稳定，建议通过调解解决。",
        "民警到场将双方分开，分别了解情况并做好记录，双方同意由街道矛调中心进一步调解。",
        "民警现场调解未果，已固定相关证据，告知双方可通过人民调解或诉讼途径解决。",
        "民警到场后对双方进行批评教育，当场化解冲突，但双方分歧较大，存在再次激化可能。",
    ];
}
