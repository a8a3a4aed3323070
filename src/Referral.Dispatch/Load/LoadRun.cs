using System.Diagnostics;
using Referral.Dispatch.Referrals;

namespace Referral.Dispatch.Load;

/// <summary>
/// Sends prepared referrals open loop: each one at its scheduled time (or all at once without a rate),
/// never waiting for earlier ones, so a slow broker or service shows as latency and lag instead of
/// quietly lowering the offered load.
/// A referral that was not confirmed because the connection was lost (the broker or the service went
/// away) is sent again, with the same message id, once the door opens again, for up to
/// <paramref name="resendFor"/> after the loss: the service's inbox and the unique incident number make
/// a copy that did arrive harmless, while one that did not is no longer silently dropped.
/// </summary>
internal sealed class LoadRun(IReferralDoor door, IReadOnlyList<OutgoingReferral> referrals, double? rate, TimeSpan resendFor = default)
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(2);

    private readonly long[] _scheduled = new long[referrals.Count];
    private readonly Task<Answer>?[] _answers = new Task<Answer>?[referrals.Count];
    private readonly double[] _confirmMs = new double[referrals.Count];
    private int _confirmed;
    private int _failed;
    private int _resent;
    private long _lastConfirm;

    public async Task<LoadFigures> RunAsync(LoadFigures figures, bool wait, TimeSpan quiet, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var maxLag = TimeSpan.Zero;
        var sends = new List<Task>(referrals.Count);
        for (var i = 0; i < referrals.Count && !cancellationToken.IsCancellationRequested; i++)
        {
            var due = rate is { } r ? TimeSpan.FromSeconds(i / r) : TimeSpan.Zero;
            _scheduled[i] = start + (long)(due.TotalSeconds * Stopwatch.Frequency);
            var early = due - Stopwatch.GetElapsedTime(start);
            // Below a millisecond the timer cannot wait precisely; sending now keeps the average rate.
            if (early > TimeSpan.FromMilliseconds(1)) await Task.Delay(early, cancellationToken);
            var lag = Stopwatch.GetElapsedTime(_scheduled[i]);
            if (lag > maxLag) maxLag = lag;
            sends.Add(SendAsync(i, cancellationToken));
        }
        await Task.WhenAll(sends);
        var elapsed = Stopwatch.GetElapsedTime(start, Math.Max(_lastConfirm, start)).TotalSeconds;
        var confirmed = _confirmMs.Where((_, i) => _answers[i] is not null).Order().ToList();
        figures = figures with
        {
            Sent = sends.Count,
            Confirmed = _confirmed,
            Failed = _failed,
            Resent = _resent,
            ElapsedSeconds = Math.Round(elapsed, 3),
            AchievedRate = elapsed > 0 ? Math.Round(_confirmed / elapsed, 1) : 0,
            MaxLagMs = Math.Round(maxLag.TotalMilliseconds, 1),
            ConfirmP50Ms = Round(LoadFigures.Percentile(confirmed, 50)),
            ConfirmP99Ms = Round(LoadFigures.Percentile(confirmed, 99)),
        };
        if (!wait) return figures;
        await door.DrainAsync(quiet, cancellationToken);
        return WithAnswers(figures, start);
    }

    /// <summary>The referrals the broker confirmed (bus) or the service answered (http): those that must become cases.</summary>
    public IReadOnlyList<OutgoingReferral> Confirmed() => referrals.Where((_, i) => _answers[i] is not null).ToList();

    private async Task SendAsync(int i, CancellationToken cancellationToken)
    {
        var begun = Stopwatch.GetTimestamp();
        long? lostAt = null;
        var pause = FirstPause;
        while (true)
        {
            try
            {
                var answer = await door.SendAsync(referrals[i], cancellationToken);
                if (answer.IsCompleted && answer.Result.Outcome == Outcome.Failed)
                {
                    Interlocked.Increment(ref _failed);
                    return;
                }
                var now = Stopwatch.GetTimestamp();
                _confirmMs[i] = Stopwatch.GetElapsedTime(begun, now).TotalMilliseconds;
                _answers[i] = answer;
                Interlocked.Increment(ref _confirmed);
                InterlockedMax(ref _lastConfirm, now);
                return;
            }
            catch (DoorUnavailableException)
            {
                lostAt ??= Stopwatch.GetTimestamp();
                if (!await ReopenAsync(lostAt.Value, pause, cancellationToken))
                {
                    // Counted, not thrown: a fault test wants the figures of the whole run, lost connection included.
                    Interlocked.Increment(ref _failed);
                    return;
                }
                pause = TimeSpan.FromTicks(Math.Min(LongestPause.Ticks, pause.Ticks * 2));
                Interlocked.Increment(ref _resent);
            }
        }
    }

    /// <summary>Waits a jittered pause and for the door to open again; false once <c>resendFor</c> has passed since the loss.</summary>
    private async Task<bool> ReopenAsync(long lostAt, TimeSpan pause, CancellationToken cancellationToken)
    {
        while (Stopwatch.GetElapsedTime(lostAt) < resendFor)
        {
            await Task.Delay(pause * (0.5 + Random.Shared.NextDouble()), cancellationToken);
            if (await door.ReconnectAsync(cancellationToken)) return true;
            pause = TimeSpan.FromTicks(Math.Min(LongestPause.Ticks, pause.Ticks * 2));
        }
        return false;
    }

    private LoadFigures WithAnswers(LoadFigures figures, long start)
    {
        var answered = _answers.Select((task, i) => (Answer: task is { IsCompleted: true } t ? t.Result : null, Index: i))
            .Where(a => a.Answer is not null).Select(a => (Answer: a.Answer!, a.Index)).ToList();
        int Count(Outcome outcome) => answered.Count(a => a.Answer.Outcome == outcome);
        var replied = answered.Where(a => a.Answer.ReceivedAt != 0).ToList();
        var latencies = replied.Select(a => Stopwatch.GetElapsedTime(_scheduled[a.Index], a.Answer.ReceivedAt).TotalMilliseconds).Order().ToList();
        var lastAnswer = replied.Count > 0 ? replied.Max(a => a.Answer.ReceivedAt) : start;
        return figures with
        {
            Waited = true,
            Created = Count(Outcome.Created),
            Duplicate = Count(Outcome.Duplicate),
            Amended = Count(Outcome.Amended),
            Rejected = Count(Outcome.Rejected),
            Unanswered = Count(Outcome.Unanswered) + Count(Outcome.Failed),
            AnswerP50Ms = Round(LoadFigures.Percentile(latencies, 50)),
            AnswerP99Ms = Round(LoadFigures.Percentile(latencies, 99)),
            AnswerP999Ms = Round(LoadFigures.Percentile(latencies, 99.9)),
            AnswerElapsedSeconds = Math.Round(Stopwatch.GetElapsedTime(start, lastAnswer).TotalSeconds, 3),
        };
    }

    private static double? Round(double? ms) => ms is { } v ? Math.Round(v, 1) : null;

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current) return;
            current = seen;
        }
    }
}
