using System.Text.Json;
using MassTransit;
using Referral.Data;
using Referral.Data.Messaging;

namespace Referral.Service.Messaging;

/// <summary>Adds bus messages to the outbox of the unit of work; they are saved with it, or not at all.</summary>
public sealed class OutboxWriter(TimeProvider time)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Add<T>(ReferralDbContext db, T message, Guid? caseId) where T : class => Add(db, message, typeof(T), caseId);

    public void Add(ReferralDbContext db, object message, Type type, Guid? caseId)
    {
        var now = time.GetUtcNow();
        db.Outbox.Add(new OutboxMessage
        {
            MessageId = NewId.NextGuid(),
            CaseId = caseId,
            MessageType = type.FullName!,
            Body = JsonSerializer.Serialize(message, type, Json),
            CreatedAt = now,
            AvailableAt = now,
        });
    }
}
