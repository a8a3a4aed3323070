namespace Referral.Dispatch.Commands;

/// <summary>The door a command sends through.</summary>
internal enum Via
{
    /// <summary>Raw JSON on the RabbitMQ exchange, answers from the service's answer exchanges.</summary>
    Bus,
    /// <summary>POST /api/referrals.</summary>
    Http,
}
