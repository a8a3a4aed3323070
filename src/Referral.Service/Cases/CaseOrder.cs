using System.Linq.Expressions;
using Referral.Core.Cases;
using Referral.Core.Grading;

namespace Referral.Service.Cases;

/// <summary>
/// "Most urgent first", in the database. Colors are stored by name, so ordering by the column sorts
/// them as text (descending: yellow, red, green); this orders by severity with a CASE expression that
/// every provider translates, so that paging and "the first 100" keep the red cases.
/// </summary>
public static class CaseOrder
{
    /// <summary>Red 2, yellow 1, green 0, as <see cref="WarningColor"/> ranks them.</summary>
    public static readonly Expression<Func<Case, int>> Severity =
        c => c.Color == WarningColor.Red ? 2 : c.Color == WarningColor.Yellow ? 1 : 0;

    public static IOrderedQueryable<Case> MostUrgentFirst(this IQueryable<Case> cases) => cases.OrderByDescending(Severity);
}
