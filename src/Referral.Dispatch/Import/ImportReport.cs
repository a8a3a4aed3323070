using Referral.Dispatch.Commands;
using Referral.Dispatch.Referrals;

namespace Referral.Dispatch.Import;

/// <summary>The outcome of one CSV row, this run's or an earlier run's.</summary>
internal sealed record RowResult(int Row, string? IncidentNumber, Answer Answer, bool FromEarlierRun);

/// <summary>Every row's outcome after an import run, and why the run stopped early if it did.</summary>
internal sealed record ImportReport(IReadOnlyList<RowResult> Rows, int SentThisRun, string? Unavailable, bool Interrupted)
{
    public int Count(Outcome outcome) => Rows.Count(r => r.Answer.Outcome == outcome);

    public int ExitCode =>
        Unavailable is not null || Interrupted || Rows.Any(r => r.Answer.Outcome is Outcome.Unanswered or Outcome.Failed)
            ? ExitCodes.Error
            : Rows.Any(r => r.Answer.Outcome is Outcome.Rejected or Outcome.Invalid) ? ExitCodes.Rejected : ExitCodes.Ok;
}
