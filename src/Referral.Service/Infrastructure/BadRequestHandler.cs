using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Referral.Service.Infrastructure;

/// <summary>
/// A request body the framework could not bind (not JSON, a value of the wrong type, missing)
/// answers 400 problem details naming the field, like every other bad input.
/// </summary>
internal sealed class BadRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad) return false;
        var json = exception.InnerException as JsonException;
        var field = json is not null ? Problems.FieldOf(json) : "body";
        var message = json is not null ? "格式错误 (is malformed)"
            : bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "请求体过大 (the body is too large)"
            : "请求体缺失或无法读取 (the body is missing or unreadable)";
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new Microsoft.AspNetCore.Http.HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
            {
                Status = bad.StatusCode,
                Title = "The request could not be read.",
                Type = "https://referral.local/problems/malformed-body",
            },
        });
    }
}
