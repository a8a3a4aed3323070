using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Referral.Contracts;
using Referral.Core.Intake;
using Referral.Service.Reference;
using Referral.Service.Identity;
using Referral.Service.Infrastructure;

namespace Referral.Service.Intake;

public static class ReferralEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapReferralEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/referrals", SubmitAsync)
            .WithName("SubmitReferral")
            .WithTags("Referrals")
            .WithSummary("Refer an incident (流转警情); a re-sent incident returns its existing case")
            .Accepts<IncidentReferred>("application/json")
            .Produces<ReferralReceipt>(StatusCodes.Status201Created)
            .Produces<ReferralReceipt>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .RequireAuthorization(Policies.Referrer)
            .RequireRateLimiting(RateLimits.Referrals)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(RateLimits.MaxReferralBytes));
        return app;
    }

    private static async Task<Results<Created<ReferralReceipt>, Ok<ReferralReceipt>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        HttpRequest request, ReferralIntake intake, ReferenceDataCache reference, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
            return TypedResults.Problem("Send the referral as application/json.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        IncidentReferred? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<IncidentReferred>(request.Body, Json, cancellationToken);
        }
        catch (JsonException ex)
        {
            return Problems.Malformed(ex);
        }
        if (body is null) return Problems.Invalid("body", ErrorText.Format("required"));

        try
        {
            var user = request.HttpContext.User;
            var result = await intake.SubmitAsync(body, new IntakeSource("http", user.ToActor()), user.StationCode(), cancellationToken);
            var receipt = ReferralReceipt.Of(result, reference);
            return result.Outcome == IntakeOutcome.Created
                ? TypedResults.Created($"/api/cases/{receipt.CaseId}", receipt)
                : TypedResults.Ok(receipt);
        }
        catch (ReferralValidationException ex)
        {
            return Problems.Invalid(ex);
        }
    }
}
