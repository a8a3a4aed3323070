namespace Referral.Data.Identity;

/// <summary>Someone saw a case's personal data unmasked, and why.</summary>
public sealed class RevealAudit
{
    public long Id { get; private set; }
    public Guid CaseId { get; init; }
    public required string UserName { get; init; }
    public required string Role { get; init; }
    public required string Reason { get; init; }
    public DateTimeOffset At { get; init; }
}
