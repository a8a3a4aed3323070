using Referral.Core.Deadlines;
using Referral.Core.Grading;
using static Referral.Core.Tests.Support.Shanghai;

namespace Referral.Core.Tests.Support;

/// <summary>Case clocks to start from, on the autumn 2026 calendar with the default deadlines.</summary>
internal static class Clocks
{
    public static readonly DeadlinePolicy Policy = new(TestCalendars.Autumn2026, new DeadlineOptions());

    public static readonly EscalationPolicy Escalation = new(Policy);

    public static CaseClock Routed(WarningColor color, string routedAt) =>
        new() { Color = color, Stage = CaseStage.Routed, RoutedAt = At(routedAt) };

    public static CaseClock Working(WarningColor color, string acceptedAt, string? lastProgressAt = null) => new()
    {
        Color = color,
        Stage = CaseStage.Working,
        RoutedAt = At(acceptedAt).AddHours(-1),
        AcceptedAt = At(acceptedAt),
        LastProgressAt = lastProgressAt is null ? null : At(lastProgressAt),
    };

    /// <summary>The clock put on hold at <paramref name="since"/>.</summary>
    public static CaseClock Hold(this CaseClock clock, string since) =>
        clock with { Stage = CaseStage.OnHold, OnHoldSince = At(since) };

    /// <summary>The clock back from hold at <paramref name="at"/>, its hold added to <see cref="CaseClock.HeldFor"/>.</summary>
    public static CaseClock Resume(this CaseClock clock, string at) => clock with
    {
        Stage = CaseStage.Working,
        HeldFor = clock.HeldFor + Policy.HoldDuration(clock.OnHoldSince!.Value, At(at)),
        OnHoldSince = null,
        ResumedAt = At(at),
    };
}
