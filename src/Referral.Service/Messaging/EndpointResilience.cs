using MassTransit;
using Referral.Data;

namespace Referral.Service.Messaging;

/// <summary>
/// How every receive endpoint of ours meets failure (docs/decisions/0006):
/// <list type="bullet">
/// <item>a passing database failure is retried a few times in place, quickly;</item>
/// <item>if it persists, the message goes back to the broker (nack and requeue), never to the error
/// queue, and the kill switch stops the endpoint for a while when such failures pile up, so that no
/// consumer slot spins in a retry loop and no message needs a person (the Debian RabbitMQ has no
/// delayed-message plugin for delayed redelivery);</item>
/// <item>a message that can never succeed is dead-lettered with its reason (<see cref="DeadLetterFilter"/>).</item>
/// </list>
/// </summary>
public static class EndpointResilience
{
    public static void UseReferralResilience(this IReceiveEndpointConfigurator endpoint, IRegistrationContext context, string queue,
        Func<ExceptionReceiveContext, Referral.Contracts.MessageDeadLettered, Task>? onDeadLettered = null, Action<IRetryConfigurator>? retry = null)
    {
        endpoint.ThrowOnSkippedMessages();
        // A Fault<T> would carry the message (a referral's parties, unmasked) onto the bus; the dead letter keeps
        // the original safely, and the intake answers the station with ReferralRejected instead.
        endpoint.PublishFaults = false;
        endpoint.ConfigureError(x => x.UseFilter(new DeadLetterFilter(context, queue, onDeadLettered)));
        endpoint.UseKillSwitch(k => k
            .SetActivationThreshold(10)
            .SetTripThreshold(0.5)
            .SetRestartTimeout(TimeSpan.FromSeconds(15))
            .SetExceptionFilter(f => f.Handle<Exception>(DeadLetterFilter.IsPassing)));
        endpoint.UseMessageRetry(r =>
        {
            retry?.Invoke(r);
            r.Handle<Exception>(DeadLetterFilter.IsPassing);
            r.Exponential(3, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(200));
        });
    }
}
