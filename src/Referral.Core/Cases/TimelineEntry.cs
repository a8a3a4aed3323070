using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Referral.Core.Grading;

namespace Referral.Core.Cases;

/// <summary>
/// One step of a case's trajectory (轨迹). Entries are append-only and hash-chained per case: each
/// hash covers the entry and the previous hash, so an altered or removed row breaks the chain.
/// </summary>
public sealed class TimelineEntry
{
    public long Id { get; private set; }
    public Guid CaseId { get; private init; }
    public int Sequence { get; private init; }
    public DateTimeOffset At { get; private init; }
    public string ActorName { get; private init; } = "";
    public string ActorRole { get; private init; } = "";
    public string? ActorDepartmentCode { get; private init; }
    public CaseAction Action { get; private init; }
    public CaseStatus? FromStatus { get; private init; }
    public CaseStatus ToStatus { get; private init; }
    public WarningColor Color { get; private init; }
    public string? Note { get; private init; }

    /// <summary>Structured facts of the step (rule, outcome, department...), as "key=value" lines.</summary>
    public string? Details { get; private init; }

    public string PreviousHash { get; private init; } = "";
    public string Hash { get; private set; } = "";

    private TimelineEntry()
    {
    }

    internal static TimelineEntry Append(Case @case, int sequence, string previousHash, DateTimeOffset at, Actor actor,
        CaseAction action, CaseStatus? from, string? note, IReadOnlyDictionary<string, string>? details)
    {
        var entry = new TimelineEntry
        {
            CaseId = @case.Id,
            Sequence = sequence,
            At = ToStoredPrecision(at),
            ActorName = actor.Name,
            ActorRole = actor.Role,
            ActorDepartmentCode = actor.DepartmentCode,
            Action = action,
            FromStatus = from,
            ToStatus = @case.Status,
            Color = @case.Color,
            Note = note,
            Details = details is null || details.Count == 0
                ? null
                : string.Join('\n', details.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key}={d.Value}")),
            PreviousHash = previousHash,
        };
        entry.Hash = entry.ComputeHash();
        return entry;
    }

    /// <summary>
    /// Whole milliseconds in UTC: what every store keeps exactly (SQLite's encoding keeps 0.1 ms), so
    /// the hash computed now is the hash recomputed from the stored row.
    /// </summary>
    public static DateTimeOffset ToStoredPrecision(DateTimeOffset at) =>
        new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);

    public IReadOnlyDictionary<string, string> DetailValues() =>
        (Details ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");

    /// <summary>The hash this entry should carry, recomputed from its content.</summary>
    public string ComputeHash()
    {
        var canonical = string.Join('\u001f',
            CaseId.ToString("N"), Sequence.ToString(CultureInfo.InvariantCulture),
            At.UtcTicks.ToString(CultureInfo.InvariantCulture), ActorName, ActorRole, ActorDepartmentCode ?? "",
            Action.ToString(), FromStatus?.ToString() ?? "", ToStatus.ToString(), Color.ToString(),
            Note ?? "", Details ?? "", PreviousHash);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}

/// <summary>The result of checking a case's hash chain.</summary>
public sealed record ChainVerification(bool Intact, int Entries, int? FirstBrokenSequence, string Reason)
{
    public static ChainVerification Verify(IReadOnlyList<TimelineEntry> ordered, int expectedCount, string expectedLastHash)
    {
        var previous = "";
        for (var i = 0; i < ordered.Count; i++)
        {
            var e = ordered[i];
            if (e.Sequence != i + 1)
                return new(false, ordered.Count, i + 1, $"entry {i + 1} is missing");
            if (e.PreviousHash != previous)
                return new(false, ordered.Count, e.Sequence, $"entry {e.Sequence} does not follow entry {e.Sequence - 1}");
            if (e.ComputeHash() != e.Hash)
                return new(false, ordered.Count, e.Sequence, $"entry {e.Sequence} was altered");
            previous = e.Hash;
        }
        if (ordered.Count != expectedCount || previous != expectedLastHash)
            return new(false, ordered.Count, ordered.Count + 1, "entries at the end are missing or were replaced");
        return new(true, ordered.Count, null, "intact");
    }
}
