using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Referral.Data;
using Referral.Service.Identity;
using Referral.Service.Reference;

namespace Referral.Service.Cases;

public static class CaseEndpoints
{
    public static IEndpointRouteBuilder MapCaseEndpoints(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization(Policies.Staff);
        cases.MapGet("/{id:guid}", GetAsync).WithName("GetCase").WithSummary("One case, personal data masked");
        return app;
    }

    private static async Task<Results<Ok<CaseDetail>, NotFound>> GetAsync(Guid id, ReferralDbContext db, ReferenceDataCache reference,
        CancellationToken cancellationToken)
    {
        await reference.EnsureFreshAsync(cancellationToken);
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        return c is null ? TypedResults.NotFound() : TypedResults.Ok(CaseDetail.Of(c, reference));
    }
}
