using Referral.Core.Cases;

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
