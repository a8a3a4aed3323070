namespace Referral.Dispatch.Commands;

/// <summary>What the process exit code tells a calling script.</summary>
internal static class ExitCodes
{
    /// <summary>Everything was accepted (created, duplicate or amended).</summary>
    public const int Ok = 0;

    /// <summary>The service (or the CSV reader) rejected at least one referral; the others were accepted.</summary>
    public const int Rejected = 1;

    /// <summary>Bad usage, an unreadable file, no connection, or referrals left without an answer.</summary>
    public const int Error = 2;
}
