using Microsoft.AspNetCore.Http.HttpResults;
using Referral.Service.Infrastructure;

namespace Referral.Service.Identity;

/// <summary>The admin's accounts API; the same service as the /admin/users page.</summary>
public static class UserEndpoints
{
    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/admin/users").WithTags("Users").RequireAuthorization(Policies.Admin);
        users.MapGet("/", async (UserAdmin admin, CancellationToken ct) => TypedResults.Ok(await admin.ListAsync(ct)))
            .WithSummary("Every account with its role, station or department, and whether it is locked");
        users.MapPost("/", CreateAsync).WithSummary("Create an account with one role; the generated first password is in this answer only");
        users.MapPost("/{id}/lock", async (string id, UserAdmin admin, HttpContext http) => Answer(await admin.LockAsync(id, http.User, http.RequestAborted)))
            .WithSummary("Lock an account until unlocked, ending its sessions (not one's own: 409)");
        users.MapPost("/{id}/unlock", async (string id, UserAdmin admin, CancellationToken ct) => Answer(await admin.UnlockAsync(id, ct)))
            .WithSummary("Unlock an account");
        users.MapPost("/{id}/reset-password", ResetAsync).WithSummary("Set a generated password; it is in this answer only");
        return app;
    }

    private static async Task<Results<Created<IssuedPassword>, ValidationProblem>> CreateAsync(UserInput input, UserAdmin admin, CancellationToken ct)
    {
        var change = await admin.CreateAsync(input, ct);
        return change.Succeeded
            ? TypedResults.Created($"/api/admin/users/{change.Value!.User.Id}", change.Value)
            : TypedResults.ValidationProblem(change.Errors.ToDictionary(e => e.Key, e => e.Value));
    }

    private static async Task<Results<Ok<IssuedPassword>, NotFound, ValidationProblem>> ResetAsync(string id, UserAdmin admin, CancellationToken ct)
    {
        var change = await admin.ResetPasswordAsync(id, ct);
        return change.NotFound ? TypedResults.NotFound()
            : change.Succeeded ? TypedResults.Ok(change.Value!)
            : TypedResults.ValidationProblem(change.Errors.ToDictionary(e => e.Key, e => e.Value));
    }

    private static Results<Ok<UserView>, NotFound, ProblemHttpResult> Answer(Change<UserView> change) =>
        change.NotFound ? TypedResults.NotFound()
        : change.Conflict is { } conflict ? TypedResults.Problem(conflict, statusCode: StatusCodes.Status409Conflict, title: "Conflict")
        : TypedResults.Ok(change.Value!);
}
