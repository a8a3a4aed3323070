namespace Referral.Core.Recurrence;

/// <summary>
/// How precisely an address names a place, from a place many households share to one flat. Ordered:
/// a higher value is more precise. An address at least as precise as the configured dwelling precision
/// names a dwelling (住所) — the same dwelling is a recurrence; anything coarser is at most a possible link.
/// </summary>
public enum AddressPrecision
{
    /// <summary>A street or road, a community or village, a village group (组), an estate (小区) or a landmark.</summary>
    Coarse = 0,

    /// <summary>A house or building: a 门牌号 (新城大道88号, 3组12号, 5弄12号), 8幢, 5栋, 3号楼, A座.</summary>
    House = 1,

    /// <summary>A unit (单元) of a building.</summary>
    Unit = 2,

    /// <summary>A flat or room: 201室, 5户, or the number after a building or unit (3单元1302, 5-2-1302).</summary>
    Room = 3,
}
