using Referral.Core.Cases;
using Referral.Core.Grading;
using Referral.Core.Privacy;
using Referral.Service.Intake;
using Referral.Service.Reference;

namespace Referral.Service.Cases;

/// <summary>A row of a case list: enough to triage and to decide what to open, with its open possible links. Personal data masked.</summary>
public sealed record CaseListItem(
    Guid Id,
    string IncidentNumber,
    string StationCode,
    DateTimeOffset ReferredAt,
    string DisputeType,
    string DisputeTypeName,
    string Summary,
    IReadOnlyList<string> Parties,
    string Status,
    string StatusName,
    string Color,
    string ColorName,
    DepartmentRef? Department,
    DateTimeOffset? AcceptDueAt,
    DateTimeOffset? ResolveDueAt,
    DateTimeOffset? FeedbackDueAt,
    bool Overdue,
    string? Outcome,
    IReadOnlyList<PossibleLinkView> PossibleLinks)
{
    private const int SummaryLength = 80;

    public static CaseListItem Of(Case c, ReferenceDataCache reference, DateTimeOffset now)
    {
        var summary = PersonalData.MaskText(c.Summary, c.Parties.Select(p => p.Name));
        return new CaseListItem(
            c.Id, c.IncidentNumber, c.StationCode, c.ReferredAt, c.DisputeTypeCode, reference.DisputeTypeName(c.DisputeTypeCode),
            summary.Length > SummaryLength ? summary[..SummaryLength] + "…" : summary,
            c.Parties.Select(p => PersonalData.MaskName(p.Name)).ToList(),
            c.Status.ToString(), c.Status.ChineseName(), c.Color.Code(), c.Color.ChineseName(),
            c.LeadDepartmentCode is null ? null : new DepartmentRef(c.LeadDepartmentCode, reference.DepartmentName(c.LeadDepartmentCode)),
            c.AcceptDueAt, c.ResolveDueAt, c.FeedbackDueAt, c.IsOverdue(now), c.Outcome?.ToString(),
            c.PossibleLinks.Where(l => l.IsOpen).Select(l => PossibleLinkView.Of(l, c.Parties.Select(p => p.Name))).ToList());
    }
}

public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary>A timeline entry as people read it: notes and details (a next step is free text) masked, names of states and actions in Chinese.</summary>
public sealed record TimelineView(
    int Sequence,
    DateTimeOffset At,
    string Actor,
    string ActorRole,
    string Action,
    string ActionName,
    string? FromStatus,
    string ToStatus,
    string Color,
    string? Note,
    IReadOnlyDictionary<string, string> Details,
    string Hash)
{
    public static TimelineView Of(TimelineEntry e, IEnumerable<string> partyNames) => new(
        e.Sequence, e.At, e.ActorName, e.ActorRole, e.Action.Slug(), e.Action.ChineseName(), e.FromStatus?.ToString(), e.ToStatus.ToString(),
        e.Color.Code(), e.Note is null ? null : PersonalData.MaskText(e.Note, partyNames),
        e.DetailValues().ToDictionary(d => d.Key, d => PersonalData.MaskText(d.Value, partyNames)), e.Hash);
}

/// <summary>The unmasked parties, for the people allowed to see them, after they gave a reason.</summary>
public sealed record RevealedParties(Guid CaseId, string Address, string Summary, IReadOnlyList<PartyView> Parties);

public sealed record PartyView(string Name, string Gender, string? Phone, string? IdNumber, string? Address, string Role);
