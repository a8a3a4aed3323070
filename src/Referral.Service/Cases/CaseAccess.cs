using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Referral.Core.Cases;
using Referral.Data;
using Referral.Service.Identity;

namespace Referral.Service.Cases;

/// <summary>
/// Which cases a person or station system may see, applied to every query: a handler sees the
/// cases its department leads or co-handles, a dispatcher (or a station's key) its station's
/// referrals, coordinators and supervisors everything. Anything else is "not found".
/// </summary>
public sealed class CaseAccess(ReferralDbContext db)
{
    public IQueryable<Case> Visible(ClaimsPrincipal user, bool tracking = false)
    {
        var cases = tracking ? db.Cases : db.Cases.AsNoTracking();
        if (user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Supervisor)) return cases;
        if (user.IsInRole(Roles.Handler) && user.DepartmentCode() is { } department)
            return cases.Where(c => c.LeadDepartmentCode == department || c.CoHandlerCodes.Contains(department));
        if ((user.IsInRole(Roles.Dispatcher) || user.IsInRole(Roles.Station)) && user.StationCode() is { } station)
            return cases.Where(c => c.StationCode == station);
        return cases.Where(_ => false);
    }

    public Task<Case?> FindAsync(Guid id, ClaimsPrincipal user, bool tracking, CancellationToken cancellationToken) =>
        Visible(user, tracking).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    /// <summary>Unmasked personal data: the coordinator, and the departments handling the case.</summary>
    public static bool MayReveal(Case c, ClaimsPrincipal user) =>
        user.IsInRole(Roles.Coordinator) || (user.IsInRole(Roles.Handler) && c.IsHandledBy(user.DepartmentCode()));
}
