using Referral.Core.Reference;

namespace Referral.Core.Routing;

public sealed record AreaMatch(Area Area, string How);

/// <summary>Finds the village or community of a referral: by its code, else by a name in the address.</summary>
public static class AreaResolver
{
    public static AreaMatch? Resolve(string? areaCode, string? address, IReadOnlyList<Area> areas)
    {
        if (!string.IsNullOrWhiteSpace(areaCode))
        {
            var byCode = areas.FirstOrDefault(a => a.Code.Equals(areaCode.Trim(), StringComparison.OrdinalIgnoreCase));
            if (byCode is not null) return new AreaMatch(byCode, $"区域代码 {byCode.Code}");
        }
        if (string.IsNullOrWhiteSpace(address)) return null;
        var best = areas.Where(a => a.IsActive)
            .SelectMany(a => a.Names().Select(name => (Area: a, Name: name)))
            .Where(x => address.Contains(x.Name, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(x => x.Name.Length)
            .FirstOrDefault();
        return best.Area is null ? null : new AreaMatch(best.Area, $"地址含「{best.Name}」");
    }
}
