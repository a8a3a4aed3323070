using MassTransit;
using Referral.Contracts;
using Referral.Core.Cases;
using Referral.Core.Intake;
using Referral.Service.Cases;

namespace Referral.Service.Intake;

/// <summary>
/// The bus doors: <see cref="IncidentReferred"/> as a MassTransit message, or the same JSON published
/// raw to the referral exchange. Both go through <see cref="ReferralIntake"/>.
/// </summary>
public sealed class IncidentReferredConsumer(ReferralIntake intake, TimeProvider time,
    ILogger<IncidentReferredConsumer> logger) : IConsumer<IncidentReferred>
{
    public const string Name = "intake";

    public async Task Consume(ConsumeContext<IncidentReferred> context)
    {
        var message = context.Message;
        var door = context.ReceiveContext.ContentType?.MediaType == "application/json" ? "bus-raw" : "bus";
        var station = message.StationCode?.Trim() is { Length: > 0 and <= 40 } code ? code : "unknown";
        try
        {
            var result = await intake.SubmitAsync(message, new IntakeSource(door, Actor.StationSystem(station), context.MessageId, Name, AnswerOnBus: true),
                null, context.CancellationToken);
            // A station that sends the same message again is told its case again; the state is unchanged.
            if (result.Redelivered)
                await context.Publish(CaseEvents.Accepted(result.Case, IntakeOutcome.Duplicate, context.MessageId, time.GetUtcNow()));
        }
        catch (ReferralValidationException ex)
        {
            logger.LogWarning("Referral message {MessageId} rejected: {Errors}", context.MessageId, ex.Message);
            await context.Publish(new ReferralRejected
            {
                IncidentNumber = message.IncidentNumber is { Length: <= 40 } n ? n : null,
                StationCode = message.StationCode is { Length: <= 40 } s ? s : null,
                ReferralMessageId = context.MessageId,
                Errors = ex.ByField(),
                RejectedAt = time.GetUtcNow(),
            });
            throw;
        }
    }
}
