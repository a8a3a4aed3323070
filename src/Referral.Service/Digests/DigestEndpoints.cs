using Microsoft.AspNetCore.Http.HttpResults;
using Referral.Service.Identity;
using Referral.Service.Infrastructure;

namespace Referral.Service.Digests;

public sealed record DigestListItem(string Kind, string Period, string Recipient, string Address, string Subject, string PreviewUrl);

public sealed record ResendRequest(DigestKind? Kind, string? Period, string? Recipient);

/// <summary>Admins look at any digest as it would be sent, and send one again for a period.</summary>
public static class DigestEndpoints
{
    public static IEndpointRouteBuilder MapDigestEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/digests").WithTags("Digests").RequireAuthorization(Policies.Admin);
        api.MapGet("/", ListAsync).WithSummary("The digests of a kind and period (daily/center: yyyy-MM-dd; weekly/reminder: yyyy-Www), one per recipient");
        api.MapPost("/resend", ResendAsync).WithSummary("Queue one digest again");
        app.MapGet("/admin/digests/preview", PreviewAsync).RequireAuthorization(Policies.Admin).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Ok<List<DigestListItem>>, ValidationProblem>> ListAsync(DigestKind? kind, string? period, DigestService digests,
        CancellationToken cancellationToken)
    {
        if (kind is null) return Problems.Invalid("kind", "必填：daily、center、weekly 或 reminder (required)");
        if (string.IsNullOrWhiteSpace(period)) return Problems.Invalid("period", "必填 (required)");
        try
        {
            var rendered = await digests.RenderAsync(kind.Value, period, cancellationToken);
            return TypedResults.Ok(rendered.Select(d => new DigestListItem(d.Kind.ToString(), d.Period, d.To.Key, d.To.Address, d.Subject,
                $"/admin/digests/preview?kind={d.Kind}&period={Uri.EscapeDataString(d.Period)}&recipient={Uri.EscapeDataString(d.To.Key)}")).ToList());
        }
        catch (FormatException ex)
        {
            return Problems.Invalid("period", ex.Message);
        }
    }

    private static async Task<Results<ContentHttpResult, NotFound, ValidationProblem>> PreviewAsync(DigestKind? kind, string? period, string? recipient,
        DigestService digests, CancellationToken cancellationToken)
    {
        if (kind is null || string.IsNullOrWhiteSpace(period) || string.IsNullOrWhiteSpace(recipient))
            return Problems.Invalid("kind", "kind、period 和 recipient 均为必填 (kind, period and recipient are required)");
        try
        {
            var digest = (await digests.RenderAsync(kind.Value, period, cancellationToken)).FirstOrDefault(d => d.To.Key == recipient);
            return digest is null ? TypedResults.NotFound() : TypedResults.Content(digest.Html, "text/html; charset=utf-8");
        }
        catch (FormatException ex)
        {
            return Problems.Invalid("period", ex.Message);
        }
    }

    private static async Task<Results<Accepted, NotFound, ValidationProblem>> ResendAsync(ResendRequest request, DigestService digests, HttpContext http,
        CancellationToken cancellationToken)
    {
        if (request.Kind is null) return Problems.Invalid("kind", "必填 (required)");
        if (string.IsNullOrWhiteSpace(request.Period)) return Problems.Invalid("period", "必填 (required)");
        if (string.IsNullOrWhiteSpace(request.Recipient)) return Problems.Invalid("recipient", "必填，如 dept:fulian (required, e.g. dept:fulian)");
        try
        {
            return await digests.ResendAsync(request.Kind.Value, request.Period, request.Recipient, http.User.Identity?.Name ?? "", cancellationToken)
                ? TypedResults.Accepted((string?)null)
                : TypedResults.NotFound();
        }
        catch (FormatException ex)
        {
            return Problems.Invalid("period", ex.Message);
        }
    }
}
