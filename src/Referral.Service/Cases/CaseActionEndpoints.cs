using Microsoft.AspNetCore.Http.HttpResults;
using Referral.Core.Cases;
using Referral.Core.Grading;
using Referral.Service.Escalation;
using Referral.Service.Identity;
using Referral.Service.Infrastructure;
using Referral.Service.Reference;

namespace Referral.Service.Cases;

public sealed record AssignRequest(string? LeadDepartment, IReadOnlyList<string>? CoHandlers, string? Note, int? Version);
public sealed record NoteRequest(string? Note, int? Version);
public sealed record ReasonRequest(string? Reason, int? Version);
public sealed record ProgressRequest(ProgressKind? Kind, string? Text, string? NextStep, int? Version);
public sealed record DepartmentRequest(string? Department, string? Note, int? Version);
public sealed record TransferRequest(string? Department, string? Reason, int? Version);
public sealed record ColorRequest(string? Color, string? Reason, int? Version);
public sealed record CloseRequest(CaseOutcome? Outcome, string? AgreementSummary, int? Version);
public sealed record FollowUpRequest(bool? Calm, Satisfaction? Satisfaction, string? Note, int? Version);
public sealed record ConfirmLinkRequest(Guid? EarlierCase, string? Note, int? Version);
public sealed record DismissLinkRequest(Guid? EarlierCase, string? Reason, int? Version);

/// <summary>
/// One POST per action. Every answer is the case as it is now (with the actions the caller may take
/// next); a refused action changes nothing and says why: 409 with the state and the actions allowed,
/// 403 for the wrong role or department, 400 naming the field, 404 outside the caller's scope.
/// </summary>
public static class CaseActionEndpoints
{
    public static IEndpointRouteBuilder MapCaseActionEndpoints(this IEndpointRouteBuilder app)
    {
        var actions = app.MapGroup("/api/cases/{id:guid}").WithTags("Case actions").RequireAuthorization(Policies.Staff);
        actions.MapPost("/assign", (Guid id, AssignRequest r, Ctx ctx) =>
            ctx.Run(id, r.Version, Departments(ctx, ("leadDepartment", r.LeadDepartment)).Concat(CoHandlers(ctx, r.CoHandlers)),
                (c, a, now) => c.Assign(a, r.LeadDepartment!, r.CoHandlers ?? [], r.Note, now)))
            .WithSummary("分派: send a case in triage to a lead department (coordinator)");
        actions.MapPost("/accept", (Guid id, NoteRequest? r, Ctx ctx) => ctx.Run(id, r?.Version, [], (c, a, now) => c.Accept(a, r?.Note, now)))
            .WithSummary("签收: the lead department accepts the case");
        actions.MapPost("/reject", (Guid id, ReasonRequest r, Ctx ctx) => ctx.Run(id, r.Version, [], (c, a, now) => c.Reject(a, r.Reason!, now)))
            .WithSummary("退回: back to the center's triage, with a reason");
        actions.MapPost("/record-progress", (Guid id, ProgressRequest r, Ctx ctx) =>
            ctx.Run(id, r.Version, r.Kind is null ? [("kind", "必填：call、visit、mediationSession 或 other (required)")] : [],
                (c, a, now) => c.RecordProgress(a, r.Kind!.Value, r.Text!, r.NextStep, now)))
            .WithSummary("反馈进展: a call, a visit, a mediation session or other (日清)");
        actions.MapPost("/request-co-handling", (Guid id, DepartmentRequest r, Ctx ctx) =>
            ctx.Run(id, r.Version, Departments(ctx, ("department", r.Department)), (c, a, now) => c.RequestCoHandling(a, r.Department!, r.Note, now)))
            .WithSummary("邀请协办: ask another department to co-handle");
        actions.MapPost("/transfer", (Guid id, TransferRequest r, Ctx ctx) =>
            ctx.Run(id, r.Version, Departments(ctx, ("department", r.Department)), (c, a, now) => c.Transfer(a, r.Department!, r.Reason!, ctx.WorkingTime, now)))
            .WithSummary("转办: move the case to another lead department (coordinator)");
        actions.MapPost("/change-color", (Guid id, ColorRequest r, Ctx ctx) =>
        {
            var known = WarningColorExtensions.TryParse(r.Color, out var color);
            return ctx.Run(id, r.Version, known ? [] : [("color", "应为 red、yellow 或 green (red, yellow or green)")],
                (c, a, now) => c.ChangeColor(a, color, r.Reason!, ctx.Schedule.Deadlines, now));
        }).WithSummary("调整预警: raise or lower the color, with a reason (coordinator)");
        actions.MapPost("/hold", (Guid id, ReasonRequest r, Ctx ctx) => ctx.Run(id, r.Version, [], (c, a, now) => c.Hold(a, r.Reason!, now)))
            .WithSummary("暂停: wait for a party or a court date; pauses the resolve clock");
        actions.MapPost("/resume", (Guid id, NoteRequest? r, Ctx ctx) => ctx.Run(id, r?.Version, [], (c, a, now) => c.Resume(a, r?.Note, ctx.WorkingTime, now)))
            .WithSummary("恢复办理: end the hold");
        actions.MapPost("/close", (Guid id, CloseRequest r, Ctx ctx) =>
            ctx.Run(id, r.Version, r.Outcome is null ? [("outcome", "必填：agreementReached、resolvedOtherwise、notResolvable 或 withdrawn (required)")] : [],
                (c, a, now) => c.Close(a, r.Outcome!.Value, r.AgreementSummary, ctx.WorkingTime, now)))
            .WithSummary("办结: close with an outcome (调解成功 needs the agreement summary)");
        actions.MapPost("/reopen", (Guid id, ReasonRequest r, Ctx ctx) => ctx.Run(id, r.Version, [], (c, a, now) => c.Reopen(a, r.Reason!, now)))
            .WithSummary("重新打开: the dispute came back; one color up");
        actions.MapPost("/follow-up", (Guid id, FollowUpRequest r, Ctx ctx) =>
            ctx.Run(id, r.Version,
                [.. r.Calm is null ? [("calm", "必填 (required)")] : Array.Empty<(string, string)>(),
                 .. r.Satisfaction is null ? [("satisfaction", "必填：satisfied、basicallySatisfied 或 dissatisfied (required)")] : Array.Empty<(string, string)>()],
                (c, a, now) => c.RecordFollowUp(a, r.Calm!.Value, r.Satisfaction!.Value, r.Note, now)))
            .WithSummary("回访: the follow-up visit; not calm reopens the case");
        actions.MapPost("/flag-turned-criminal", (Guid id, ReasonRequest r, Ctx ctx) =>
            ctx.Run(id, r.Version, [], (c, a, now) => c.FlagTurnedCriminal(a, r.Reason!, now)))
            .WithSummary("标记民转刑: the dispute turned criminal (coordinator)");
        actions.MapPost("/confirm-link", (Guid id, ConfirmLinkRequest r, Ctx ctx) =>
            ctx.Run(id, r.Version, EarlierCase(r.EarlierCase), (c, a, now) => c.ConfirmLink(a, r.EarlierCase!.Value, r.Note, ctx.Schedule.Deadlines, now)))
            .WithSummary("确认关联: a possible link (可能关联) is the same dispute: a recurrence, linked on both timelines, red (coordinator)");
        actions.MapPost("/dismiss-link", (Guid id, DismissLinkRequest r, Ctx ctx) =>
            ctx.Run(id, r.Version, EarlierCase(r.EarlierCase), (c, a, now) => c.DismissLink(a, r.EarlierCase!.Value, r.Reason!, now)))
            .WithSummary("排除关联: a possible link is another dispute, with a reason; nothing else changes (coordinator)");
        return app;
    }

    private static IEnumerable<(string Field, string Message)> EarlierCase(Guid? earlierCase) =>
        earlierCase is null ? [("earlierCase", CaseActionText.EarlierCaseRequired)] : [];

    private static IEnumerable<(string Field, string Message)> Departments(Ctx ctx, params (string Field, string? Code)[] codes) =>
        codes.Where(c => !string.IsNullOrWhiteSpace(c.Code) && ctx.Reference.FindDepartment(c.Code!) is not { IsActive: true })
            .Select(c => (c.Field, CaseActionText.UnknownDepartment));

    private static IEnumerable<(string Field, string Message)> CoHandlers(Ctx ctx, IReadOnlyList<string>? codes) =>
        (codes ?? []).Select((code, i) => (Field: $"coHandlers[{i}]", Code: code))
            .Where(c => ctx.Reference.FindDepartment(c.Code) is not { IsActive: true })
            .Select(c => (c.Field, CaseActionText.UnknownDepartment));

    /// <summary>What every action endpoint needs, bound from the request and the container.</summary>
    public sealed class Ctx(CaseWorkflow workflow, ReferenceDataCache reference, IWorkingTime workingTime, CaseSchedule schedule, TimeProvider time,
        HttpContext http)
    {
        public ReferenceDataCache Reference => reference;
        public IWorkingTime WorkingTime => workingTime;
        public CaseSchedule Schedule => schedule;

        public static ValueTask<Ctx?> BindAsync(HttpContext http)
        {
            var s = http.RequestServices;
            return ValueTask.FromResult<Ctx?>(new Ctx(s.GetRequiredService<CaseWorkflow>(), s.GetRequiredService<ReferenceDataCache>(),
                s.GetRequiredService<IWorkingTime>(), s.GetRequiredService<CaseSchedule>(), s.GetRequiredService<TimeProvider>(), http));
        }

        public async Task<IResult> Run(Guid id, int? version, IEnumerable<(string Field, string Message)> inputErrors,
            Action<Case, Actor, DateTimeOffset> apply)
        {
            var errors = inputErrors.ToList();
            if (errors.Count > 0)
                return TypedResults.ValidationProblem(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
            var actor = http.User.ToActor();
            try
            {
                await reference.EnsureFreshAsync(http.RequestAborted);
                var result = await workflow.ApplyAsync(id, http.User, version, apply, http.RequestAborted);
                return result.Outcome switch
                {
                    ActionOutcome.NotFound => TypedResults.NotFound(),
                    ActionOutcome.Stale => TypedResults.Problem(
                        detail: CaseActionText.Stale,
                        statusCode: StatusCodes.Status409Conflict, title: "Stale case",
                        extensions: new Dictionary<string, object?> { ["current"] = result.Case is null ? null : View(result.Case, actor) }),
                    _ => TypedResults.Ok(View(result.Case!, actor)),
                };
            }
            catch (CaseActionNotAllowedException ex)
            {
                return TypedResults.Problem(
                    detail: CaseActionText.NotAllowed(ex),
                    statusCode: StatusCodes.Status409Conflict, title: "Action not allowed in this state",
                    extensions: new Dictionary<string, object?>
                    {
                        ["caseStatus"] = ex.Status.ToString(),
                        ["allowedActions"] = ex.AllowedNow.Select(a => a.Slug()).ToList(),
                    });
            }
            catch (CaseActionForbiddenException ex)
            {
                return TypedResults.Problem(detail: CaseActionText.Forbidden(ex), statusCode: StatusCodes.Status403Forbidden,
                    title: "Not your action", extensions: new Dictionary<string, object?> { ["allowedActions"] = ex.AllowedNow.Select(a => a.Slug()).ToList() });
            }
            catch (CaseInputException ex)
            {
                return Problems.Invalid(ex.Field, CaseActionText.Input(ex));
            }
        }

        private CaseDetail View(Case c, Actor actor) => CaseDetail.Of(c, reference, actor, time.GetUtcNow());
    }
}
