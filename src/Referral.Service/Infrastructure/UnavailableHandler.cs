using Microsoft.AspNetCore.Diagnostics;
using Referral.Data;

namespace Referral.Service.Infrastructure;

/// <summary>
/// A database that is down or busy answers 503 with Retry-After, so that a client knows to send the
/// referral again: nothing was accepted, and a re-send makes exactly one case.
/// </summary>
internal sealed class UnavailableHandler(IProblemDetailsService problems, ILogger<UnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!DbErrors.IsTransientAnywhere(exception)) return false;
        logger.LogWarning("{Method} {Path} answered 503: the database is unavailable ({Error})", httpContext.Request.Method,
            httpContext.Request.Path, exception.GetBaseException().Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "10";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Temporarily unavailable",
                Detail = "数据库暂时不可用，请稍后重试；本次请求未被受理 (the database is unavailable; nothing was accepted, send it again later).",
                Type = "https://referral.local/problems/unavailable",
            },
        });
    }
}
