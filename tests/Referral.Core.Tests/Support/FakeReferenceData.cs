using Referral.Core.Reference;

namespace Referral.Core.Tests.Support;

/// <summary>
/// Reference data of the tests: the Gutang station, a small dispute taxonomy and a few villages.
/// Lookups behave as the service's cache does (codes and English names ignore case).
/// </summary>
internal sealed class FakeReferenceData : IReferenceData
{
    public List<Station> Stations { get; } =
    [
        new() { Code = "gutang", Name = "古塘派出所" },
        new() { Code = "baisha", Name = "白沙路派出所" },
        new() { Code = "closed", Name = "已撤销派出所", IsActive = false },
    ];

    public List<DisputeType> DisputeTypes { get; } =
    [
        new() { Code = "marriage-family", NameZh = "婚姻家庭", NameEn = "Marriage and family" },
        new() { Code = "romance", NameZh = "恋爱情感", NameEn = "Romance" },
        new() { Code = "neighbour", NameZh = "邻里纠纷", NameEn = "Neighbourhood" },
        new() { Code = "labour", NameZh = "劳资纠纷", NameEn = "Labour" },
        new() { Code = "consumer", NameZh = "消费纠纷", NameEn = "Consumer" },
        new() { Code = "retired-type", NameZh = "旧分类", NameEn = "Old category", IsActive = false },
    ];

    public List<Area> AreaList { get; } = TestAreas.All();

    public IReadOnlyList<Area> Areas => AreaList;

    public Station? FindStation(string code) =>
        Stations.FirstOrDefault(s => s.Code.Equals(code, StringComparison.OrdinalIgnoreCase));

    public Department? FindDepartment(string code) => null;

    public DisputeType? FindDisputeType(string codeOrName)
    {
        var text = codeOrName.Trim();
        return DisputeTypes.FirstOrDefault(t => t.IsActive && (
            t.Code.Equals(text, StringComparison.OrdinalIgnoreCase) || t.NameZh == text ||
            t.NameEn.Equals(text, StringComparison.OrdinalIgnoreCase)));
    }
}

/// <summary>Villages and communities of the street, with the committees that handle their cases.</summary>
internal static class TestAreas
{
    public static List<Area> All() =>
    [
        new() { Code = "wuxing", Name = "五星村", Aliases = ["五星"], DepartmentCode = "v-wuxing" },
        new() { Code = "wuxing-new", Name = "五星新村", DepartmentCode = "v-wuxing-new" },
        new() { Code = "tangjia", Name = "塘家社区", Aliases = ["塘家"], DepartmentCode = "v-tangjia" },
        new() { Code = "nocommittee", Name = "无委员会村", DepartmentCode = null },
        new() { Code = "merged", Name = "旧合并村", Aliases = ["合并村"], DepartmentCode = "v-merged", IsActive = false },
    ];
}
