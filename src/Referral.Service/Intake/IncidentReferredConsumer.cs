using MassTransit;
using Referral.Contracts;
using Referral.Core.Cases;
using Referral.Data;
using Referral.Service.Cases;
using Referral.Service.Messaging;

namespace Referral.Service.Intake;

/// <summary>
/// The bus doors: <see cref="IncidentReferred"/> as a MassTransit message, or the same JSON published
/// raw to the referral exchange. Messages are taken in batches and go through <see cref="ReferralIntake"/>
/// together (one transaction per batch); each still gets its own answer, and an invalid one is
/// rejected and dead-lettered on its own without holding back the others.
/// </summary>
public sealed class IncidentReferredConsumer(ReferralIntake intake, ReferralDbContext db, DeadLetterWriter deadLetters, TimeProvider time,
    ILogger<IncidentReferredConsumer> logger) : IConsumer<Batch<IncidentReferred>>
{
    public const string Name = "intake";

    public async Task Consume(ConsumeContext<Batch<IncidentReferred>> context)
    {
        var messages = context.Message;
        var items = messages.Select(m => new IntakeItem(m.Message, SourceOf(m))).ToList();
        var outcomes = await intake.SubmitBatchAsync(items, context.CancellationToken);
        for (var i = 0; i < outcomes.Count; i++)
        {
            var (message, outcome) = (messages[i], outcomes[i]);
            if (outcome.Rejection is { } rejection)
            {
                logger.LogWarning("Referral message {MessageId} rejected: {Errors}", message.MessageId, rejection.Message);
                await message.Publish(new ReferralRejected
                {
                    IncidentNumber = message.Message.IncidentNumber is { Length: <= 40 } n ? n : null,
                    StationCode = message.Message.StationCode is { Length: <= 40 } s ? s : null,
                    ReferralMessageId = message.MessageId,
                    Errors = rejection.ByField(),
                    RejectedAt = time.GetUtcNow(),
                });
                db.ChangeTracker.Clear();
                await deadLetters.WriteAsync(db, message, IncidentReferredConsumerDefinition.Queue, message.MessageId,
                    message.ReceiveContext.ContentType?.MediaType, DeadLetterWriter.TextOf(message.ReceiveContext.Body), DeadLetterFilter.ReasonOf(rejection),
                    context.CancellationToken);
            }
            else if (outcome.Result!.Redelivered)
            {
                // A station that sends the same message again is told its case again; the state is unchanged.
                await message.Publish(CaseMessages.Accepted(outcome.Result.Case, IntakeOutcome.Duplicate, message.MessageId, time.GetUtcNow()));
            }
        }
    }

    private static IntakeSource SourceOf(ConsumeContext<IncidentReferred> message)
    {
        var door = message.ReceiveContext.ContentType?.MediaType == "application/json" ? "bus-raw" : "bus";
        var station = message.Message.StationCode?.Trim() is { Length: > 0 and <= 40 } code ? code : "unknown";
        return new IntakeSource(door, Actor.StationSystem(station), message.MessageId, Name, AnswerOnBus: true);
    }
}
