using Referral.Core.Recurrence;
using Referral.Core.Reference;

namespace Referral.Core.Tests.Recurrence;

/// <summary>How precise an address is, and which addresses are the same place (docs/decisions/0007).</summary>
public sealed class AddressKeyTests
{
    internal static readonly List<Area> Gutang =
    [
        new() { Code = "tangdong", Name = "塘东村", Aliases = ["塘东"] },
        new() { Code = "chaotang", Name = "潮塘社区", Aliases = ["潮塘"] },
        new() { Code = "nanyuan", Name = "南苑社区", Aliases = ["南苑"] },
        new() { Code = "baisha", Name = "白沙村", Aliases = ["白沙"] },
    ];

    private static IEnumerable<TestCaseData> Addresses()
    {
        TestCaseData Row(string level, string address, string? area, string local, AddressPrecision precision) =>
            new TestCaseData(address, area, local, precision).SetArgDisplayNames(level, address);

        yield return Row("street", "古塘街道步行街", null, "步行街", AddressPrecision.Coarse);
        yield return Row("street", "慈溪市古塘街道三北大街", null, "三北大街", AddressPrecision.Coarse);
        yield return Row("crossing", "古塘街道新城大道与三北大街交叉口", null, "新城大道与三北大街交叉口", AddressPrecision.Coarse);
        yield return Row("estate", "古塘街道明月小区", null, "明月小区", AddressPrecision.Coarse);
        yield return Row("estate gate", "古塘街道明月小区1号门", null, "明月小区1号门", AddressPrecision.Coarse);
        yield return Row("village of another street", "古塘街道东门村", null, "东门村", AddressPrecision.Coarse);
        yield return Row("village", "塘东村", "tangdong", "", AddressPrecision.Coarse);
        yield return Row("community", "慈溪市古塘街道潮塘社区", "chaotang", "", AddressPrecision.Coarse);
        yield return Row("village group", "慈溪市古塘街道塘东村3组", "tangdong", "3组", AddressPrecision.Coarse);
        yield return Row("village group in words", "塘东村三组", "tangdong", "3组", AddressPrecision.Coarse);
        yield return Row("landmark", "慈溪市古塘街道白沙村林场", "baisha", "林场", AddressPrecision.Coarse);
        yield return Row("metro line", "古塘街道地铁1号线古塘站", null, "地铁1号线古塘站", AddressPrecision.Coarse);
        yield return Row("numbered road", "古塘街道工业园区1号路", null, "工业园区1号路", AddressPrecision.Coarse);
        yield return Row("house in a group", "慈溪市古塘街道塘东村3组12号", "tangdong", "3组12号", AddressPrecision.House);
        yield return Row("house, alias and numerals", "塘东3组十二号", "tangdong", "3组12号", AddressPrecision.House);
        yield return Row("house, full width and spaces", "塘东村 ３组 １２号。", "tangdong", "3组12号", AddressPrecision.House);
        yield return Row("house in a lane", "慈溪市古塘街道塘东村5弄12号", "tangdong", "5弄12号", AddressPrecision.House);
        yield return Row("street number", "慈溪市古塘街道新城大道88号", null, "新城大道88号", AddressPrecision.House);
        yield return Row("shop front", "古塘街道步行街1号门面", null, "步行街1号门面", AddressPrecision.House);
        yield return Row("building", "潮塘社区5幢", "chaotang", "5幢", AddressPrecision.House);
        yield return Row("building 号楼", "古塘街道明月小区3号楼", null, "明月小区3号楼", AddressPrecision.House);
        yield return Row("unit", "潮塘社区5幢2单元", "chaotang", "5幢2单元", AddressPrecision.Unit);
        yield return Row("room", "慈溪市古塘街道潮塘社区5幢201室", "chaotang", "5幢201室", AddressPrecision.Room);
        yield return Row("room in a unit", "南苑社区9幢3单元901室", "nanyuan", "9幢3单元901室", AddressPrecision.Room);
        yield return Row("room without 室", "南苑社区9幢3单元901", "nanyuan", "9幢3单元901", AddressPrecision.Room);
        yield return Row("building-unit-room", "南苑社区9-3-901", "nanyuan", "9-3-901", AddressPrecision.Room);
    }

    [TestCaseSource(nameof(Addresses))]
    public void Address_is_placed_in_its_area_and_graded_by_precision(string address, string? area, string local, AddressPrecision precision)
    {
        var key = AddressKey.Of(address, null, Gutang)!;

        Assert.That((key.AreaCode, key.Local, key.Precision), Is.EqualTo((area, local, precision)));
    }

    [TestCase("慈溪市古塘街道塘东村3组12号", "塘东3组12号")]
    [TestCase("慈溪市古塘街道塘东村3组12号", "古塘街道 塘东村 三组十二号")]
    [TestCase("慈溪市古塘街道新城大道88号", "新城大道88号")]
    [TestCase("古塘街道步行街", "慈溪市古塘街道步行街")]
    public void The_same_place_written_otherwise_has_the_same_key(string one, string other) =>
        Assert.That(AddressKey.Of(other, null, Gutang)!.Value, Is.EqualTo(AddressKey.Of(one, null, Gutang)!.Value));

    [TestCase("塘东村3组12号", "白沙村3组12号", Description = "the same number in another village")]
    [TestCase("塘东村3组12号", "塘东村3组14号", Description = "a neighbour in the same group")]
    [TestCase("潮塘社区5幢201室", "潮塘社区5幢202室")]
    public void Other_places_have_other_keys(string one, string other) =>
        Assert.That(AddressKey.Of(other, null, Gutang)!.Value, Is.Not.EqualTo(AddressKey.Of(one, null, Gutang)!.Value));

    [Test]
    public void The_area_code_of_the_referral_places_an_address_that_names_no_area()
    {
        var key = AddressKey.Of("3组12号", "tangdong", Gutang)!;

        Assert.That(key.Value, Is.EqualTo(AddressKey.Of("塘东村3组12号", null, Gutang)!.Value));
    }

    [TestCase(null)]
    [TestCase("  ")]
    [TestCase("，。")]
    public void An_empty_address_has_no_key(string? address) =>
        Assert.That(AddressKey.Of(address, null, Gutang), Is.Null);
}
