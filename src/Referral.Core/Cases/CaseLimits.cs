namespace Referral.Core.Cases;

/// <summary>Sizes of what people write on a case.</summary>
public static class CaseLimits
{
    public const int Note = 2000;
    public const int Reason = 500;
}
