namespace Referral.Dispatch.Synthetic;

/// <summary>The 16 villages and communities of Gutang street as the service's demo data names them.</summary>
internal static class Places
{
    public const string Street = "慈溪市古塘街道";

    public static readonly IReadOnlyList<string> Villages =
    [
        "塘东村", "塘西村", "潮塘社区", "海晏村", "云霞社区", "东河村", "北桥社区", "栖凤村",
        "桂香社区", "青禾村", "芦湾村", "新浦社区", "白沙村", "柳岸社区", "石湖村", "南苑社区",
    ];

    /// <summary>
    /// Villages have groups and house numbers; communities have buildings, units and flats. The space is
    /// wide (about 250,000 addresses) because the service links a new case to an earlier one at the same
    /// address as a recurrence: a narrow space would turn a large load run into a flood of recurrences.
    /// </summary>
    public static string Address(Random random)
    {
        var village = Villages[random.Next(Villages.Count)];
        var detail = village.EndsWith('村')
            ? $"{random.Next(1, 21)}组{random.Next(1, 500)}号"
            : $"{random.Next(1, 81)}幢{random.Next(1, 5)}单元{random.Next(1, 19)}{random.Next(1, 5):D2}室";
        return Street + village + detail;
    }
}
