using Referral.Contracts;
using Referral.Core.Cases;
using Referral.Core.Intake;

namespace Referral.Service.Intake;

public enum IntakeOutcome
{
    /// <summary>A new case was created.</summary>
    Created,
    /// <summary>The incident was already received with the same content; nothing changed.</summary>
    Duplicate,
    /// <summary>The incident was already received; the changed content was recorded on the case.</summary>
    Amended,
}

/// <param name="Redelivered">This very message was processed before; its answer went out then.</param>
public sealed record IntakeResult(IntakeOutcome Outcome, Case Case, bool Redelivered = false);

/// <summary>A referral handed to the intake, with where it came from.</summary>
public sealed record IntakeItem(IncidentReferred Input, IntakeSource Source, string? BoundStationCode = null);

/// <summary>What became of one referral of a batch: a result, or why it was rejected.</summary>
public sealed record IntakeItemOutcome(IntakeItem Item, IntakeResult? Result, ReferralValidationException? Rejection);
