namespace Referral.Core.Intake;

/// <summary>Sizes the intake accepts; the same on every door.</summary>
public static class ReferralLimits
{
    public const int IncidentNumber = 40;
    public const int Code = 40;
    public const int Address = 200;
    public const int Summary = 4000;
    public const int PoliceAction = 2000;
    public const int PersonName = 50;
    public const int Role = 20;
    public const int MaxParties = 50;
    public const int MaxPoliceCalls = 999;
    public const int MaxPartiesCount = 100_000;
    public const decimal MaxAmountYuan = 10_000_000_000m;

    /// <summary>How far ahead of the server's clock an incident time may be (clock skew).</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    /// <summary>How old an incident may be; imports of past incidents reach back this far.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(3660);
}
