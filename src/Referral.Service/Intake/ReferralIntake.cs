using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Referral.Contracts;
using Polly;
using Polly.Retry;
using Referral.Core.Cases;
using Referral.Core.Grading;
using Referral.Core.Intake;
using Referral.Core.Privacy;
using Referral.Core.Recurrence;
using Referral.Core.Routing;
using Referral.Data;
using Referral.Data.Messaging;
using Referral.Service.Reference;
using Referral.Service.Cases;
using Referral.Service.Escalation;
using Referral.Service.Messaging;

namespace Referral.Service.Intake;

/// <summary>Where a referral came in, for the timeline and the inbox.</summary>
/// <param name="Consumer">The consuming endpoint, for the inbox; null for HTTP.</param>
/// <param name="AnswerOnBus">Publish a <see cref="ReferralAccepted"/> answer (the bus doors).</param>
public sealed record IntakeSource(string Door, Actor Actor, Guid? MessageId = null, string? Consumer = null, bool AnswerOnBus = false);

/// <summary>
/// The one intake path of all three doors: validate → deduplicate → route → grade → store the
/// case in one transaction (its first steps become timeline entries and <c>CaseRouted</c> on save).
/// </summary>
public sealed class ReferralIntake(
    ReferralDbContext db,
    ReferenceDataCache reference,
    GradingPolicy grading,
    RecurrenceRule recurrence,
    Fingerprints fingerprints,
    OutboxWriter outbox,
    CaseSchedule schedule,
    TimeProvider time,
    ILogger<ReferralIntake> logger)
{
    /// <summary>
    /// Two doors storing the same incident at once, or two referrals updating the same earlier case
    /// (a recurrence), collide on a unique key or a stale version: the loser starts over and finds
    /// the winner's case.
    /// </summary>
    private static readonly ResiliencePipeline Collisions = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<DbUpdateException>(ex => ex is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(ex)),
            MaxRetryAttempts = 5,
            Delay = TimeSpan.FromMilliseconds(10),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
        })
        .Build();

    /// <exception cref="ReferralValidationException">The referral is invalid; nothing was stored.</exception>
    public async Task<IntakeResult> SubmitAsync(IncidentReferred input, IntakeSource source, string? boundStationCode, CancellationToken cancellationToken)
    {
        var outcome = (await SubmitBatchAsync([new IntakeItem(input, source, boundStationCode)], cancellationToken))[0];
        return outcome.Result ?? throw outcome.Rejection!;
    }

    /// <summary>
    /// Several referrals in one transaction (the bus door takes them in batches): each is validated on
    /// its own — an invalid one is answered with its rejection and stores nothing — and the valid
    /// ones are stored together, in the order given. A referral is never stored twice: duplicates
    /// within the batch, in the database, and concurrent batches elsewhere are all recognised.
    /// </summary>
    public async Task<IReadOnlyList<IntakeItemOutcome>> SubmitBatchAsync(IReadOnlyList<IntakeItem> items, CancellationToken cancellationToken)
    {
        await reference.EnsureFreshAsync(cancellationToken);
        var now = time.GetUtcNow();
        var validator = new ReferralValidator(reference);
        var checkedItems = items.Select(item =>
        {
            try
            {
                var referral = validator.Validate(item.Input, now, item.BoundStationCode);
                return new Checked(item, referral, HashOf(referral), null);
            }
            catch (ReferralValidationException ex)
            {
                return new Checked(item, null, null, ex);
            }
        }).ToList();
        var valid = checkedItems.Where(c => c.Referral is not null).ToList();
        var stored = valid.Count == 0
            ? []
            : await Collisions.ExecuteAsync(async token =>
            {
                db.ChangeTracker.Clear();
                return await StoreAsync(valid, token);
            }, cancellationToken);
        return checkedItems.Select(c => new IntakeItemOutcome(c.Item, c.Rejection is null ? stored[c] : null, c.Rejection)).ToList();
    }

    private sealed record Checked(IntakeItem Item, ValidReferral? Referral, string? ContentHash, ReferralValidationException? Rejection)
    {
        public ValidReferral Valid => Referral!;
        public IntakeSource Source => Item.Source;
    }

    private async Task<Dictionary<Checked, IntakeResult>> StoreAsync(IReadOnlyList<Checked> items, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var stations = items.Select(c => c.Valid.StationCode).Distinct().ToList();
        var incidents = items.Select(c => c.Valid.IncidentNumber).Distinct().ToList();
        // Both columns, so that SQLite seeks the unique (station, incident number) index instead of scanning every case.
        var cases = (await db.Cases.Where(c => stations.Contains(c.StationCode) && incidents.Contains(c.IncidentNumber)).ToListAsync(cancellationToken))
            .ToDictionary(c => (c.StationCode, c.IncidentNumber));
        var messageIds = items.Select(c => c.Source.MessageId).OfType<Guid>().ToList();
        var processed = messageIds.Count == 0 ? [] : (await db.Inbox.AsNoTracking().Where(m => messageIds.Contains(m.MessageId))
            .Select(m => new { m.MessageId, m.Consumer }).ToListAsync(cancellationToken)).Select(m => (m.MessageId, m.Consumer)).ToHashSet();
        var candidates = await RecurrenceCandidatesAsync(items.Where(c => !cases.ContainsKey(Key(c))).ToList(), cancellationToken);

        var results = new Dictionary<Checked, IntakeResult>();
        foreach (var c in items)
        {
            var delivery = c.Source is { MessageId: { } id, Consumer: { } consumer } ? (id, consumer) : ((Guid, string)?)null;
            if (cases.TryGetValue(Key(c), out var existing))
            {
                results[c] = delivery is { } d && processed.Contains(d)
                    ? new IntakeResult(IntakeOutcome.Duplicate, existing, Redelivered: true)
                    : await ReceiveAgainAsync(existing, c, now, cancellationToken);
            }
            else
            {
                var created = await CreateAsync(c, candidates, now, cancellationToken);
                cases[Key(c)] = created;
                results[c] = new IntakeResult(IntakeOutcome.Created, created);
            }
            if (delivery is { } delivered) processed.Add(delivered);
        }

        await db.SaveChangesAsync(cancellationToken);
        Log(results);
        return results;
    }

    private static (string, string) Key(Checked c) => (c.Valid.StationCode, c.Valid.IncidentNumber);

    private async Task<Case> CreateAsync(Checked c, List<EarlierPrint> candidates, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var referral = c.Valid;
        var @case = Case.Refer(Guid.CreateVersion7(now), referral, c.ContentHash!, c.Source.Actor, now);
        var prints = PrintsOf(referral);
        var found = recurrence.Find(@case.Id, prints, referral.OccurredAt, referral.DisputeTypeCode, candidates);
        @case.Grade(grading.Grade(referral.Risk, referral.DisputeTypeCode, found.Recurrence?.Factor()), now);
        if (found.Recurrence is { } match)
        {
            @case.LinkRecurrence(match, now);
            (await TrackedCaseAsync(match.EarlierCaseId, cancellationToken)).NoteRecurrence(@case.Id, @case.IncidentNumber, match, now);
        }
        @case.SuggestLinks(found.PossibleLinks, now);
        @case.Route(Route(FactsOf(referral)), now);
        schedule.Refresh(@case);

        db.Cases.Add(@case);
        db.PartyFingerprints.AddRange(prints.Select(p => PartyFingerprint.Of(p, @case.Id, referral.OccurredAt)));
        candidates.AddRange(prints.Select(p => new EarlierPrint(@case.Id, @case.IncidentNumber, @case.DisputeTypeCode, p.Kind, p.Hash, referral.OccurredAt)));
        RecordReceipt(c.Source, @case, IntakeOutcome.Created, now);
        return @case;
    }

    private async Task<IntakeResult> ReceiveAgainAsync(Case existing, Checked c, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var referral = c.Valid;
        if (existing.ContentHash == c.ContentHash)
        {
            RecordReceipt(c.Source, existing, IntakeOutcome.Duplicate, now);
            return new IntakeResult(IntakeOutcome.Duplicate, existing);
        }
        var changed = ChangedFields(existing, referral);
        var routedBefore = Route(new RoutingFacts(existing.DisputeTypeCode, existing.AreaCode, existing.Address, existing.Summary));
        existing.Amend(referral, c.ContentHash!, changed, c.Source.Actor, now);
        await AddNewFingerprintsAsync(existing, referral, cancellationToken);
        var recurrenceFactor = existing.GradingFactors.FirstOrDefault(f => f.Code == RecurrenceMatch.FactorCode);
        existing.Regrade(grading.Grade(referral.Risk, referral.DisputeTypeCode, recurrenceFactor), schedule.Deadlines, now);
        RerouteIfMoved(existing, routedBefore, referral, now);
        schedule.Refresh(existing);
        RecordReceipt(c.Source, existing, IntakeOutcome.Amended, now);
        logger.LogInformation("Referral {Station}/{Incident} re-sent with changes to {Fields}; amended case {CaseId}",
            existing.StationCode, existing.IncidentNumber, string.Join(",", changed), existing.Id);
        return new IntakeResult(IntakeOutcome.Amended, existing);
    }

    private RoutingDecision Route(RoutingFacts facts) => Router.Route(facts, reference.RoutingRules, reference.Areas);

    private static RoutingFacts FactsOf(ValidReferral referral) =>
        new(referral.DisputeTypeCode, referral.AreaCode, referral.Address, referral.Summary);

    /// <summary>
    /// A case nobody has accepted yet goes where its amended content sends it, when that is not where its
    /// content before sent it (under today's rules). Where a person put it stays put when the amendment
    /// changes nothing the rules look at — a department's rejection, a coordinator's assignment.
    /// </summary>
    private void RerouteIfMoved(Case existing, RoutingDecision before, ValidReferral referral, DateTimeOffset now)
    {
        if (!existing.AwaitsAcceptance) return;
        var after = Route(FactsOf(referral));
        if (after.LeadDepartmentCode == before.LeadDepartmentCode && after.CoHandlerCodes.SequenceEqual(before.CoHandlerCodes)) return;
        existing.Reroute(after, now);
        logger.LogInformation("Amended referral {Station}/{Incident} routed again: case {CaseId} now {Status}, lead {Department}",
            existing.StationCode, existing.IncidentNumber, existing.Id, existing.Status, existing.LeadDepartmentCode ?? "triage");
    }

    private void Log(Dictionary<Checked, IntakeResult> results)
    {
        if (results.Count == 1)
        {
            var (c, r) = results.First();
            if (r.Outcome == IntakeOutcome.Created)
                logger.LogInformation("Referral {Station}/{Incident} became case {CaseId}: {Status}, {Color}, lead {Department} (via {Door})",
                    r.Case.StationCode, r.Case.IncidentNumber, r.Case.Id, r.Case.Status, r.Case.Color, r.Case.LeadDepartmentCode ?? "triage", c.Source.Door);
            return;
        }
        logger.LogInformation("Stored a batch of {Count} referrals: {Created} new cases, {Duplicates} duplicates, {Amended} amended",
            results.Count, results.Values.Count(r => r.Outcome == IntakeOutcome.Created),
            results.Values.Count(r => r.Outcome == IntakeOutcome.Duplicate), results.Values.Count(r => r.Outcome == IntakeOutcome.Amended));
    }

    /// <summary>The inbox row and, on the bus doors, the answer to the station: saved with the change.</summary>
    private void RecordReceipt(IntakeSource source, Case @case, IntakeOutcome outcome, DateTimeOffset now)
    {
        if (source is { MessageId: { } id, Consumer: { } consumer })
            db.Inbox.Add(new InboxMessage { MessageId = id, Consumer = consumer, ProcessedAt = now });
        // The answer is to a message, not a step of the case: the one outbox row the intake writes itself.
        if (source.AnswerOnBus) outbox.Add(db, CaseMessages.Accepted(@case, outcome, source.MessageId, now), @case.Id);
    }

    /// <summary>An amendment may name new phones, ID numbers or addresses: later referrals must find them too.</summary>
    private async Task AddNewFingerprintsAsync(Case existing, ValidReferral referral, CancellationToken cancellationToken)
    {
        var known = await db.PartyFingerprints.Where(f => f.CaseId == existing.Id).Select(f => f.Hash).ToListAsync(cancellationToken);
        known.AddRange(db.PartyFingerprints.Local.Where(f => f.CaseId == existing.Id).Select(f => f.Hash));
        db.PartyFingerprints.AddRange(PrintsOf(referral).Where(p => !known.Contains(p.Hash)).Select(p => PartyFingerprint.Of(p, existing.Id, referral.OccurredAt)));
    }

    private IReadOnlyList<PartyPrint> PrintsOf(ValidReferral referral) =>
        recurrence.PrintsOf(fingerprints, referral.Address, referral.AreaCode, referral.Parties, reference.Areas);

    /// <summary>
    /// The stored fingerprints, within the window, that the new referrals share, with their cases' incident
    /// numbers and dispute types: one query for the whole batch. The batch's own are added as it goes.
    /// </summary>
    private async Task<List<EarlierPrint>> RecurrenceCandidatesAsync(IReadOnlyList<Checked> newOnes, CancellationToken cancellationToken)
    {
        if (newOnes.Count == 0) return [];
        var hashes = newOnes.SelectMany(c => PrintsOf(c.Valid)).Select(p => p.Hash).Distinct().ToList();
        var since = newOnes.Min(c => c.Valid.OccurredAt) - recurrence.Window;
        var until = newOnes.Max(c => c.Valid.OccurredAt);
        return await (from f in db.PartyFingerprints.AsNoTracking()
                      where hashes.Contains(f.Hash) && f.OccurredAt >= since && f.OccurredAt <= until
                      join earlier in db.Cases on f.CaseId equals earlier.Id
                      select new EarlierPrint(f.CaseId, earlier.IncidentNumber, earlier.DisputeTypeCode, f.Kind, f.Hash, f.OccurredAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The earlier case of a recurrence, to note it on: one of this batch, or loaded for the change.</summary>
    private async Task<Case> TrackedCaseAsync(Guid id, CancellationToken cancellationToken) =>
        db.Cases.Local.FirstOrDefault(c => c.Id == id) ?? await db.Cases.FirstAsync(c => c.Id == id, cancellationToken);

    private static IReadOnlyList<string> ChangedFields(Case existing, ValidReferral referral)
    {
        var changed = new List<string>();
        if (existing.OccurredAt != referral.OccurredAt) changed.Add("occurredAt");
        if (existing.Address != referral.Address) changed.Add("address");
        if (existing.DisputeTypeCode != referral.DisputeTypeCode) changed.Add("disputeType");
        if (existing.Summary != referral.Summary) changed.Add("summary");
        if (existing.PoliceAction != referral.PoliceAction) changed.Add("policeAction");
        if (existing.OfficerName != referral.OfficerName) changed.Add("officerName");
        if (existing.Risk != referral.Risk) changed.Add("risk");
        var before = existing.Parties.Select(p => (p.Name, p.Gender, p.Phone, p.IdNumber, p.Address, p.Role));
        var after = referral.Parties.Select(p => (p.Name, p.Gender, p.Phone, p.IdNumber, p.Address, p.Role));
        if (!before.SequenceEqual(after)) changed.Add("parties");
        return changed.Count > 0 ? changed : ["areaCode"];
    }

    /// <summary>A hash of everything the station sent, to tell a plain re-send from an amendment.</summary>
    private static string HashOf(ValidReferral referral)
    {
        var r = referral.Risk;
        var text = new StringBuilder();
        void Field(object? value) => text.Append(Convert.ToString(value, CultureInfo.InvariantCulture)).Append('\u001f');
        foreach (var value in new object?[]
                 {
                     referral.IncidentNumber, referral.StationCode, referral.OccurredAt.UtcTicks, referral.Address, referral.AreaCode,
                     referral.DisputeTypeCode, referral.Summary, referral.PoliceAction, referral.OfficerName,
                     r.PoliceCallsLast30Days, r.ThreatsOrWeapons, r.Violence, r.SelfHarmRisk, r.VulnerablePersons, r.PartiesCount,
                     r.AmountAtStakeYuan, r.LeftHome,
                 })
            Field(value);
        foreach (var p in referral.Parties)
        {
            text.Append('\u001e');
            foreach (var value in new object?[] { p.Name, p.Gender, p.Phone, p.IdNumber, p.Address, p.Role }) Field(value);
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
