using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Referral.Contracts;
using Referral.Core.Privacy;
using Referral.Data;
using Referral.Service.Identity;
using Referral.Service.Intake;

namespace Referral.Service.Messaging;

public sealed record DeadLetterView(long Id, Guid? MessageId, string Queue, string Reason, string? IncidentNumber, string? StationCode,
    DateTimeOffset FailedAt, DateTimeOffset? RequeuedAt, string? RequeuedBy, string MaskedBody);

/// <summary>
/// The error queues, as an admin handles them: list what failed and why (masked), and re-queue a
/// message after the cause was fixed — the original body, to the queue it failed on, with its message id.
/// </summary>
public static class DeadLetterEndpoints
{
    public static IEndpointRouteBuilder MapDeadLetterEndpoints(this IEndpointRouteBuilder app)
    {
        var letters = app.MapGroup("/api/admin/dead-letters").WithTags("Dead letters").RequireAuthorization(Policies.Admin);
        letters.MapGet("/", ListAsync).WithSummary("Messages that failed, newest first; requeued ones only with includeRequeued=true");
        letters.MapPost("/{id:long}/requeue", RequeueAsync).WithSummary("Send the original message again to the queue it failed on");
        return app;
    }

    private static async Task<Ok<List<DeadLetterView>>> ListAsync(string? queue, bool? includeRequeued, int? take, ReferralDbContext db,
        CancellationToken cancellationToken)
    {
        var letters = db.DeadLetters.AsNoTracking();
        if (!string.IsNullOrEmpty(queue)) letters = letters.Where(d => d.Queue == queue);
        if (includeRequeued != true) letters = letters.Where(d => d.RequeuedAt == null);
        var rows = await letters.OrderByDescending(d => d.Id).Take(Math.Clamp(take ?? 100, 1, 1000)).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(d => new DeadLetterView(d.Id, d.MessageId, d.Queue, d.Reason, d.IncidentNumber, d.StationCode,
            d.FailedAt, d.RequeuedAt, d.RequeuedBy, PersonalDataJson.Mask(d.Body))).ToList());
    }

    private static async Task<Results<Ok<DeadLetterView>, NotFound, ProblemHttpResult>> RequeueAsync(long id, ReferralDbContext db,
        ISendEndpointProvider send, HttpContext http, TimeProvider time, CancellationToken cancellationToken)
    {
        var letter = await db.DeadLetters.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (letter is null) return TypedResults.NotFound();
        if (letter.RequeuedAt is not null)
            return TypedResults.Problem($"已于 {letter.RequeuedAt:u} 重新投递 (already re-queued)", statusCode: StatusCodes.Status409Conflict);
        if (Read(letter.Queue, letter.Body) is not ({ } message, { } type))
            return TypedResults.Problem("消息仍无法读取，无法重新投递 (the message is still unreadable; it cannot be re-queued).",
                statusCode: StatusCodes.Status422UnprocessableEntity, title: "Unreadable message");
        var endpoint = await send.GetSendEndpoint(new Uri($"queue:{letter.Queue}"));
        await endpoint.Send(message, type, ctx => ctx.MessageId = letter.MessageId ?? NewId.NextGuid(), cancellationToken);
        letter.RequeuedAt = time.GetUtcNow();
        letter.RequeuedBy = http.User.Identity?.Name ?? "";
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new DeadLetterView(letter.Id, letter.MessageId, letter.Queue, letter.Reason, letter.IncidentNumber,
            letter.StationCode, letter.FailedAt, letter.RequeuedAt, letter.RequeuedBy, PersonalDataJson.Mask(letter.Body)));
    }

    /// <summary>The message a body holds: a MassTransit envelope names its type; raw JSON is what the queue takes.</summary>
    private static (object? Message, Type? Type) Read(string queue, string body)
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("messageType", out var types) && types.ValueKind == JsonValueKind.Array
                && root.TryGetProperty("message", out var inner))
            {
                var name = types.EnumerateArray().Select(t => t.GetString()?.Split(':')[^1]).FirstOrDefault(n => n is not null);
                var type = name is null ? null : typeof(IncidentReferred).Assembly.GetType($"Referral.Contracts.{name}");
                return type is null ? (null, null) : (inner.Deserialize(type, json), type);
            }
            return queue == IncidentReferredConsumerDefinition.Queue
                ? (root.Deserialize<IncidentReferred>(json), typeof(IncidentReferred))
                : (null, null);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
