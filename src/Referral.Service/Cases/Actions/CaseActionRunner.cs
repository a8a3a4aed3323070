using System.Security.Claims;
using Referral.Core.Cases;
using Referral.Service.Escalation;
using Referral.Service.Identity;
using Referral.Service.Infrastructure;
using Referral.Service.Reference;

namespace Referral.Service.Cases.Actions;

/// <summary>
/// Runs one action for one person, the same way for the API and the pages: the input's checks first
/// (a 400 names the field before anything is loaded), then the case's unit of work
/// (<see cref="CaseWorkflow"/>), and the domain's refusals as an <see cref="ActionAnswer"/>.
/// </summary>
public sealed class CaseActionRunner(CaseWorkflow workflow, ReferenceDataCache reference, IWorkingTime workingTime, CaseSchedule schedule,
    TimeProvider time)
{
    public async Task<ActionAnswer> RunAsync<TRequest>(CaseActionDescriptor<TRequest> action, Guid caseId, ClaimsPrincipal user, TRequest request,
        CancellationToken cancellationToken) where TRequest : class, IActionRequest
    {
        await reference.EnsureFreshAsync(cancellationToken);
        var context = new ActionContext(reference, workingTime, schedule);
        var errors = action.Check(request, context).GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
        if (errors.Count > 0) return ActionAnswer.Invalid(errors);
        try
        {
            var result = await workflow.ApplyAsync(caseId, user, request.Version, (c, by, now) => action.Apply(c, by, request, context, now),
                cancellationToken);
            return result.Outcome switch
            {
                ActionOutcome.NotFound => new ActionAnswer(ActionAnswerKind.NotFound),
                ActionOutcome.Stale => new ActionAnswer(ActionAnswerKind.Stale, result.Case, ActionTexts.Stale),
                _ => new ActionAnswer(ActionAnswerKind.Done, result.Case),
            };
        }
        catch (CaseActionNotAllowedException ex)
        {
            return new ActionAnswer(ActionAnswerKind.NotAllowed, Message: ActionTexts.NotAllowed(ex), Status: ex.Status, AllowedNow: ex.AllowedNow);
        }
        catch (CaseActionForbiddenException ex)
        {
            return new ActionAnswer(ActionAnswerKind.Forbidden, Message: ActionTexts.Forbidden(ex), AllowedNow: ex.AllowedNow);
        }
        catch (CaseInputException ex)
        {
            return ActionAnswer.Invalid(ex.Field, ex.Reason);
        }
    }

    /// <summary>
    /// The API's answer: the case as it is now, with the actions the caller may take next; 409 with the state
    /// and the actions allowed; 403 for the wrong role or department; 400 naming the field; 404 outside the scope.
    /// </summary>
    public IResult ToHttp(ActionAnswer answer, ClaimsPrincipal user)
    {
        var actor = user.ToActor();
        return answer.Kind switch
        {
            ActionAnswerKind.Done => TypedResults.Ok(View(answer.Case!, actor)),
            ActionAnswerKind.NotFound => TypedResults.NotFound(),
            ActionAnswerKind.Stale => TypedResults.Problem(detail: answer.Message, statusCode: StatusCodes.Status409Conflict, title: "Stale case",
                extensions: new Dictionary<string, object?> { ["current"] = answer.Case is null ? null : View(answer.Case, actor) }),
            ActionAnswerKind.NotAllowed => TypedResults.Problem(detail: answer.Message, statusCode: StatusCodes.Status409Conflict,
                title: "Action not allowed in this state", extensions: new Dictionary<string, object?>
                {
                    ["caseStatus"] = answer.Status.ToString(),
                    ["allowedActions"] = Slugs(answer.AllowedNow),
                }),
            ActionAnswerKind.Forbidden => TypedResults.Problem(detail: answer.Message, statusCode: StatusCodes.Status403Forbidden,
                title: "Not your action", extensions: new Dictionary<string, object?> { ["allowedActions"] = Slugs(answer.AllowedNow) }),
            _ => Problems.Invalid(answer.Errors!),
        };
    }

    private static List<string> Slugs(IReadOnlyList<CaseAction>? actions) => (actions ?? []).Select(a => a.Slug()).ToList();

    private CaseDetail View(Case c, Actor actor) => CaseDetail.Of(c, reference, actor, time.GetUtcNow());
}
