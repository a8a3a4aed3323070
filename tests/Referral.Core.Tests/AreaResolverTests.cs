using Referral.Core.Reference;
using Referral.Core.Routing;
using Referral.Core.Tests.Support;

namespace Referral.Core.Tests;

public sealed class AreaResolverTests
{
    private readonly List<Area> _areas = TestAreas.All();

    [TestCase("tangjia")]
    [TestCase(" TangJia ")]
    public void Area_is_found_by_its_code(string code)
    {
        var match = AreaResolver.Resolve(code, "慈溪市某路1号", _areas);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(match?.Area.Code, Is.EqualTo("tangjia"));
            Assert.That(match?.How, Is.EqualTo("区域代码 tangjia"));
        }
    }

    [Test]
    public void Code_wins_over_a_name_in_the_address() =>
        Assert.That(AreaResolver.Resolve("tangjia", "古塘街道五星村12号", _areas)?.Area.Code, Is.EqualTo("tangjia"));

    [Test]
    public void Unknown_code_falls_back_to_the_address() =>
        Assert.That(AreaResolver.Resolve("atlantis", "古塘街道五星村12号", _areas)?.Area.Code, Is.EqualTo("wuxing"));

    [Test]
    public void Area_is_found_by_its_name_in_the_address()
    {
        var match = AreaResolver.Resolve(null, "浙江省慈溪市古塘街道塘家社区5号", _areas);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(match?.Area.Code, Is.EqualTo("tangjia"));
            Assert.That(match?.How, Is.EqualTo("地址含「塘家社区」"));
        }
    }

    [Test]
    public void Area_is_found_by_an_alias_in_the_address()
    {
        var match = AreaResolver.Resolve(" ", "古塘街道塘家路5号", _areas);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(match?.Area.Code, Is.EqualTo("tangjia"));
            Assert.That(match?.How, Is.EqualTo("地址含「塘家」"));
        }
    }

    [TestCase("古塘街道五星新村8幢", "wuxing-new")]
    [TestCase("古塘街道五星村8号", "wuxing")]
    [TestCase("古塘街道五星路8号", "wuxing")]
    public void The_longest_name_found_in_the_address_wins(string address, string expected) =>
        Assert.That(AreaResolver.Resolve(null, address, _areas)?.Area.Code, Is.EqualTo(expected));

    [Test]
    public void Inactive_areas_are_not_found_by_name() =>
        Assert.That(AreaResolver.Resolve(null, "古塘街道旧合并村1号", _areas), Is.Null);

    [TestCase(null, null)]
    [TestCase(null, "")]
    [TestCase("", "宁波市海曙区某路1号")]
    [TestCase("atlantis", null)]
    public void Nothing_is_found_without_a_known_code_or_a_known_name(string? code, string? address) =>
        Assert.That(AreaResolver.Resolve(code, address, _areas), Is.Null);

    [Test]
    public void Nothing_is_found_without_areas() =>
        Assert.That(AreaResolver.Resolve("wuxing", "古塘街道五星村12号", []), Is.Null);
}
