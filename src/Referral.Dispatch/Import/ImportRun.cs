using System.Collections.Concurrent;
using Referral.Dispatch.Csv;
using Referral.Dispatch.Referrals;
using Referral.Dispatch.State;

namespace Referral.Dispatch.Import;

/// <summary>
/// Imports the rows of a CSV through one door: rows answered by an earlier run are skipped, unreadable
/// rows are refused locally, rows with the same content as an earlier row are sent once, and every
/// outcome goes to the state file the moment it is known.
/// </summary>
internal sealed class ImportRun(ImportState state, TimeProvider time)
{
    private sealed record Pending(CsvRow Row, OutgoingReferral Referral);

    private readonly ConcurrentDictionary<int, RowResult> _results = new();
    private readonly ConcurrentDictionary<int, bool> _handedOver = new();

    /// <param name="openDoor">Called only when some row needs sending.</param>
    /// <param name="toSend">Told how many rows will be sent, before the first is.</param>
    /// <param name="answered">Told each time one of them has its outcome.</param>
    public async Task<ImportReport> RunAsync(IReadOnlyList<CsvRow> rows, string station, Func<CancellationToken, Task<IReferralDoor>> openDoor,
        TimeSpan quiet, Action<int> toSend, Action answered, CancellationToken cancellationToken)
    {
        var (sending, followers) = Plan(rows, station);
        toSend(sending.Count);
        string? unavailable = null;
        var interrupted = false;
        if (sending.Count > 0)
        {
            try
            {
                await using var door = await openDoor(cancellationToken);
                unavailable = await SendAllAsync(door, sending, quiet, answered, cancellationToken);
            }
            catch (DoorUnavailableException ex)
            {
                unavailable = ex.Message;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                interrupted = true;
            }
        }
        var why = interrupted ? "interrupted" : unavailable;
        foreach (var p in sending.Where(p => !_results.ContainsKey(p.Row.Row)))
        {
            var answer = _handedOver.ContainsKey(p.Row.Row) ? Answer.Unanswered($"sent, but {why} before its answer came") : Answer.Failed($"not sent: {why}");
            _results[p.Row.Row] = new RowResult(p.Row.Row, p.Row.IncidentNumber, answer, false);
        }
        foreach (var (follower, leader) in followers) Follow(follower, leader);
        return new ImportReport([.. _results.Values.OrderBy(r => r.Row)], _handedOver.Count, unavailable, interrupted);
    }

    /// <summary>Sorts rows into those settled already (unreadable, answered earlier) and those to send.</summary>
    private (List<Pending> Sending, List<(Pending Follower, int Leader)> Followers) Plan(IReadOnlyList<CsvRow> rows, string station)
    {
        var sending = new List<Pending>();
        var followers = new List<(Pending, int)>();
        var carrier = new Dictionary<Guid, int>();
        foreach (var row in rows)
        {
            if (row.Referral is null)
            {
                var answer = new Answer(Outcome.Invalid, Errors: row.Problems.GroupBy(p => p.Column).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));
                var known = state.Answered(row.Row, null) is not null;
                Settle(new RowResult(row.Row, row.IncidentNumber, answer, known), null, record: !known);
                continue;
            }
            var referral = OutgoingReferral.Of(row.Referral, station);
            if (state.Answered(row.Row, referral.MessageId) is { } earlier)
            {
                carrier.TryAdd(referral.MessageId, row.Row);
                _results[row.Row] = new RowResult(row.Row, row.IncidentNumber,
                    new Answer(earlier.Outcome, earlier.CaseId, earlier.Status, earlier.Color, earlier.Department, Errors: earlier.Errors, Note: earlier.Note), true);
            }
            else if (carrier.TryGetValue(referral.MessageId, out var leader))
            {
                // The same message id would reach the service's inbox as a redelivery and get no answer of its own.
                followers.Add((new Pending(row, referral), leader));
            }
            else
            {
                carrier[referral.MessageId] = row.Row;
                sending.Add(new Pending(row, referral));
            }
        }
        return (sending, followers);
    }

    /// <returns>Why the door became unavailable midway, if it did.</returns>
    private async Task<string?> SendAllAsync(IReferralDoor door, List<Pending> sending, TimeSpan quiet, Action answered,
        CancellationToken cancellationToken)
    {
        string? unavailable = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var expiry = door.ExpireWhenQuietAsync(quiet, stop.Token);
        var options = new ParallelOptions { MaxDegreeOfParallelism = door.ImportConcurrency, CancellationToken = stop.Token };
        try
        {
            await Parallel.ForEachAsync(sending, options, async (p, token) =>
            {
                Task<Answer> pending;
                try
                {
                    pending = await door.SendAsync(p.Referral, token);
                }
                catch (DoorUnavailableException ex)
                {
                    Interlocked.CompareExchange(ref unavailable, ex.Message, null);
                    await stop.CancelAsync();
                    return;
                }
                _handedOver[p.Row.Row] = true;
                // The slot is held until the answer: few rows are ever published but unanswered, should the import be killed.
                var answer = await pending.WaitAsync(token);
                Settle(new RowResult(p.Row.Row, p.Row.IncidentNumber, answer, false), p.Referral.MessageId, record: true);
                answered();
            });
        }
        catch (OperationCanceledException) when (unavailable is not null && !cancellationToken.IsCancellationRequested)
        {
            // Stopped because the door went away; rows handed over but unanswered are reported as such.
        }
        finally
        {
            await stop.CancelAsync();
            await expiry;
        }
        return unavailable;
    }

    private void Settle(RowResult result, Guid? messageId, bool record)
    {
        _results[result.Row] = result;
        if (record) state.Append(StateRecord.Of(result.Row, result.IncidentNumber, messageId, result.Answer, time.GetUtcNow()));
    }

    /// <summary>A row with the same content as an earlier one shares its answer: the case exists, so it is a duplicate.</summary>
    private void Follow(Pending follower, int leader)
    {
        var lead = _results[leader].Answer;
        var answer = lead.IsAccepted
            ? lead with { Outcome = Outcome.Duplicate, Note = $"same content as row {leader}" }
            : lead with { Note = $"same content as row {leader}: {lead.Note}" };
        Settle(new RowResult(follower.Row.Row, follower.Row.IncidentNumber, answer, false), follower.Referral.MessageId, record: answer.IsFinal);
    }
}
