using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Referral.Core.Cases.Chain;
using Referral.Core.Cases.Events;
using Referral.Core.Grading;

namespace Referral.Core.Cases;

/// <summary>
/// One step of a case's trajectory (轨迹). Entries are append-only and chained per case: each hash
/// covers the entry, the state of the case it produced and the previous hash, so an altered, removed
/// or inserted row — or a case row changed without a step — no longer verifies.
/// </summary>
/// <remarks>
/// Two formats live side by side. <see cref="TimelineFormat.Legacy"/> rows (written before typed
/// events) keep their facts as "key=value" lines and a plain SHA-256; they stay readable and
/// verifiable as they are. <see cref="TimelineFormat.Sealed"/> rows keep the step as its typed event
/// (<see cref="Payload"/>) and the case's state after it (<see cref="State"/>), sealed with an HMAC
/// under the <see cref="ChainKey"/> when the unit of work is saved.
/// </remarks>
public sealed class TimelineEntry
{
    private CaseEvent? _event;

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

    public TimelineFormat Format { get; private init; } = TimelineFormat.Legacy;

    /// <summary>Legacy rows only: the step's facts as "key=value" lines.</summary>
    public string? Details { get; private init; }

    /// <summary>Sealed rows: the typed event, serialised (<see cref="CaseEvent.Serialize"/>).</summary>
    public string? Payload { get; private init; }

    /// <summary>Sealed rows: the case's state right after the step (<see cref="CaseState"/>), serialised.</summary>
    public string? State { get; private init; }

    public string PreviousHash { get; private set; } = "";
    public string Hash { get; private set; } = "";

    /// <summary>Not sealed yet: appended in this unit of work, sealed when it is saved.</summary>
    public bool IsSealed => Hash.Length > 0;

    /// <summary>The typed event of a sealed row; null for a legacy row.</summary>
    public CaseEvent? Event => _event ??= Payload is null ? null : CaseEvent.Deserialize(Payload);

    private TimelineEntry()
    {
    }

    internal static TimelineEntry Append(Case @case, int sequence, DateTimeOffset at, Actor actor, CaseStatus? from, CaseEvent happened) => new()
    {
        _event = happened,
        CaseId = @case.Id,
        Sequence = sequence,
        At = ToStoredPrecision(at),
        ActorName = actor.Name,
        ActorRole = actor.Role,
        ActorDepartmentCode = actor.DepartmentCode,
        Action = happened.Action,
        FromStatus = from,
        ToStatus = @case.Status,
        Color = @case.Color,
        Note = happened.Note,
        Format = TimelineFormat.Sealed,
        Payload = happened.Serialize(),
        State = CaseState.Of(@case).Serialize(),
    };

    /// <summary>Links the entry to the one before it and seals it.</summary>
    internal void Seal(string previousHash, ChainKey key)
    {
        if (IsSealed) throw new InvalidOperationException($"timeline entry {Sequence} of case {CaseId} is sealed already");
        PreviousHash = previousHash;
        Hash = ComputeHash(key);
    }

    /// <summary>
    /// Whole milliseconds in UTC: what every store keeps exactly (SQLite's encoding keeps 0.1 ms), so
    /// the hash computed now is the hash recomputed from the stored row.
    /// </summary>
    public static DateTimeOffset ToStoredPrecision(DateTimeOffset at) =>
        new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);

    /// <summary>The step's facts by name, as the API lists them, whichever the row's format.</summary>
    public IReadOnlyDictionary<string, string> DetailValues() =>
        Event?.Facts() ?? (Details ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");

    /// <summary>The hash this entry should carry, recomputed from its content (under the key for sealed rows).</summary>
    public string ComputeHash(ChainKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (Format == TimelineFormat.Legacy) return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(Details))));
        return key.Sign(string.Join('\u001f', "v2", Canonical(Payload), State ?? ""));
    }

    private string Canonical(string? facts) => string.Join('\u001f',
        CaseId.ToString("N"), Sequence.ToString(CultureInfo.InvariantCulture),
        At.UtcTicks.ToString(CultureInfo.InvariantCulture), ActorName, ActorRole, ActorDepartmentCode ?? "",
        Action.ToString(), FromStatus?.ToString() ?? "", ToStatus.ToString(), Color.ToString(),
        Note ?? "", facts ?? "", PreviousHash);
}

public enum TimelineFormat
{
    /// <summary>Facts as "key=value" lines, plain SHA-256: the rows written before typed events.</summary>
    Legacy = 1,

    /// <summary>The typed event and the case's state, sealed with an HMAC under the chain key.</summary>
    Sealed = 2,
}
