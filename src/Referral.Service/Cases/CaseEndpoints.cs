using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Referral.Core.Cases;
using Referral.Core.Grading;
using Referral.Data;
using Referral.Data.Identity;
using Referral.Service.Identity;
using Referral.Service.Infrastructure;
using Referral.Service.Reference;

namespace Referral.Service.Cases;

public sealed record CaseFilter(
    string? Status,
    string? Color,
    string? Department,
    string? DisputeType,
    bool? Overdue,
    string? Text,
    int? Page,
    int? PageSize);

public sealed record RevealRequest(string? Reason);

public static class CaseEndpoints
{
    public const int MaxPageSize = 100;

    public static IEndpointRouteBuilder MapCaseEndpoints(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization(Policies.CaseReader);
        cases.MapGet("/", ListAsync).WithName("ListCases")
            .WithSummary("Cases in your scope, most urgent first; filters: status, color, department, disputeType, overdue, text; page, pageSize (≤ 100)");
        cases.MapGet("/{id:guid}", GetAsync).WithName("GetCase").WithSummary("One case, personal data masked, with the actions you may take now");
        cases.MapGet("/{id:guid}/timeline", TimelineAsync).WithSummary("The trajectory (轨迹): every step, oldest first");
        cases.MapGet("/{id:guid}/timeline/verify", VerifyAsync).WithSummary("Whether the trajectory's hash chain is intact");
        cases.MapPost("/{id:guid}/reveal", RevealAsync).RequireAuthorization(Policies.Staff)
            .WithSummary("The unmasked parties, with a reason; the coordinator and the case's departments only; audited");
        return app;
    }

    private static async Task<Results<Ok<Paged<CaseListItem>>, ValidationProblem>> ListAsync([AsParameters] CaseFilter filter, ClaimsPrincipal user,
        CaseAccess access, ReferenceDataCache reference, TimeProvider time, CancellationToken cancellationToken)
    {
        var page = filter.Page ?? 1;
        var pageSize = filter.PageSize ?? 20;
        if (page < 1) return Problems.Invalid("page", "应不小于1 (must be 1 or more)");
        if (pageSize is < 1 or > MaxPageSize) return Problems.Invalid("pageSize", $"应在 1 到 {MaxPageSize} 之间 (between 1 and {MaxPageSize})");
        var query = access.Visible(user);
        if (filter.Status is { Length: > 0 } s)
        {
            var statuses = new List<CaseStatus>();
            foreach (var part in s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!Enum.TryParse<CaseStatus>(part, ignoreCase: true, out var st)) return Problems.Invalid("status", $"未知的状态 {part} (unknown status)");
                statuses.Add(st);
            }
            query = query.Where(c => statuses.Contains(c.Status));
        }
        if (filter.Color is { Length: > 0 } colorText)
        {
            if (!WarningColorExtensions.TryParse(colorText, out var color)) return Problems.Invalid("color", "应为 red、yellow 或 green");
            query = query.Where(c => c.Color == color);
        }
        if (filter.Department is { Length: > 0 } d) query = query.Where(c => c.LeadDepartmentCode == d || c.CoHandlerCodes.Contains(d));
        if (filter.DisputeType is { Length: > 0 } t)
        {
            await reference.EnsureFreshAsync(cancellationToken);
            var type = reference.FindDisputeType(t)?.Code ?? t;
            query = query.Where(c => c.DisputeTypeCode == type);
        }
        var now = time.GetUtcNow();
        if (filter.Overdue == true)
            query = query.Where(c => (c.Status == CaseStatus.Routed && c.AcceptDueAt < now)
                                     || ((c.Status == CaseStatus.Accepted || c.Status == CaseStatus.InProgress) && c.ResolveDueAt < now));
        if (filter.Text is { Length: > 0 } text)
            query = query.Where(c => c.IncidentNumber.Contains(text) || c.Summary.Contains(text) || c.Address.Contains(text));

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(c => c.Color).ThenByDescending(c => c.ReferredAt).ThenBy(c => c.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        await reference.EnsureFreshAsync(cancellationToken);
        return TypedResults.Ok(new Paged<CaseListItem>(rows.Select(c => CaseListItem.Of(c, reference, now)).ToList(), page, pageSize, total));
    }

    private static async Task<Results<Ok<CaseDetail>, NotFound>> GetAsync(Guid id, ClaimsPrincipal user, CaseAccess access,
        ReferenceDataCache reference, TimeProvider time, CancellationToken cancellationToken)
    {
        await reference.EnsureFreshAsync(cancellationToken);
        var c = await access.FindAsync(id, user, tracking: false, cancellationToken);
        return c is null ? TypedResults.NotFound() : TypedResults.Ok(CaseDetail.Of(c, reference, user.ToActor(), time.GetUtcNow()));
    }

    private static async Task<Results<Ok<List<TimelineView>>, NotFound>> TimelineAsync(Guid id, ClaimsPrincipal user, CaseAccess access,
        ReferralDbContext db, CancellationToken cancellationToken)
    {
        var c = await access.FindAsync(id, user, tracking: false, cancellationToken);
        if (c is null) return TypedResults.NotFound();
        var names = c.Parties.Select(p => p.Name).ToList();
        var entries = await db.Timeline.AsNoTracking().Where(t => t.CaseId == id).OrderBy(t => t.Sequence).ToListAsync(cancellationToken);
        return TypedResults.Ok(entries.Select(e => TimelineView.Of(e, names)).ToList());
    }

    private static async Task<Results<Ok<ChainVerification>, NotFound>> VerifyAsync(Guid id, ClaimsPrincipal user, CaseAccess access,
        ReferralDbContext db, CancellationToken cancellationToken)
    {
        var c = await access.FindAsync(id, user, tracking: false, cancellationToken);
        if (c is null) return TypedResults.NotFound();
        var entries = await db.Timeline.AsNoTracking().Where(t => t.CaseId == id).OrderBy(t => t.Sequence).ToListAsync(cancellationToken);
        return TypedResults.Ok(ChainVerification.Verify(entries, c.TimelineCount, c.LastTimelineHash));
    }

    private static async Task<Results<Ok<RevealedParties>, NotFound, ValidationProblem, ProblemHttpResult>> RevealAsync(Guid id,
        RevealRequest request, ClaimsPrincipal user, PartyReveal reveal, CancellationToken cancellationToken)
    {
        var result = await reveal.RevealAsync(id, user, request.Reason, cancellationToken);
        return result.Outcome switch
        {
            RevealOutcome.Revealed => TypedResults.Ok(result.Parties!),
            RevealOutcome.Forbidden => TypedResults.Problem(result.Message, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed to reveal"),
            RevealOutcome.Invalid => Problems.Invalid("reason", result.Message!),
            _ => TypedResults.NotFound(),
        };
    }
}
