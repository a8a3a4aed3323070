using Referral.Service.Cases.Actions;
using Referral.Service.Identity;

namespace Referral.Service.Cases;

/// <summary>
/// One POST per action, each from its descriptor (<see cref="CaseActions"/>). Every answer is the case as
/// it is now (with the actions the caller may take next); a refused action changes nothing and says
/// why: 409 with the state and the actions allowed, 403 for the wrong role or department, 400 naming
/// the field, 404 outside the caller's scope.
/// </summary>
public static class CaseActionEndpoints
{
    public static IEndpointRouteBuilder MapCaseActionEndpoints(this IEndpointRouteBuilder app)
    {
        var actions = app.MapGroup("/api/cases/{id:guid}").WithTags("Case actions").RequireAuthorization(Policies.Staff);
        foreach (var action in CaseActions.All) action.Map(actions);
        return app;
    }
}
