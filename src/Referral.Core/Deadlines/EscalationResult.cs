namespace Referral.Core.Deadlines;

/// <summary>
/// The outcome of one evaluation. The host stores <see cref="Clock"/> (color, moved clock starts, markers),
/// <see cref="Deadlines"/> and <see cref="NextCheckAt"/> together with the findings' timeline entries, in one
/// transaction; evaluating the stored clock again at the same moment then finds nothing.
/// </summary>
public sealed record EscalationResult(
    CaseClock Clock,
    CaseDeadlines Deadlines,
    IReadOnlyList<EscalationFinding> Findings,
    DateTimeOffset? NextCheckAt)
{
    public bool HasFindings => Findings.Count > 0;
}
