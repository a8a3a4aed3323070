using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Referral.Core.Cases;
using Referral.Core.Cases.Chain;
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
        CaseListQuery cases, CancellationToken cancellationToken)
    {
        var answer = await cases.ListAsync(filter, user, cancellationToken);
        return answer.Page is { } page
            ? TypedResults.Ok(page)
            : TypedResults.ValidationProblem(answer.Errors.ToDictionary(e => e.Key, e => e.Value),
                title: "The request is invalid.", type: "https://referral.local/problems/invalid-request");
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

    /// <summary>
    /// The case and its entries read in one transaction, so that an action committed in between cannot make
    /// an intact chain look broken (SQLite's WAL and SQL Server's snapshot read both keep one view).
    /// </summary>
    private static async Task<Results<Ok<ChainVerification>, NotFound>> VerifyAsync(Guid id, ClaimsPrincipal user, CaseAccess access,
        ReferralDbContext db, ChainKey key, CancellationToken cancellationToken)
    {
        await using var snapshot = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken);
        var c = await access.FindAsync(id, user, tracking: false, cancellationToken);
        if (c is null) return TypedResults.NotFound();
        var entries = await db.Timeline.AsNoTracking().Where(t => t.CaseId == id).OrderBy(t => t.Sequence).ToListAsync(cancellationToken);
        return TypedResults.Ok(ChainVerification.Verify(entries, c, key));
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
