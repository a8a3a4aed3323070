using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Referral.Core.Cases;
using Referral.Core.Grading;
using Referral.Service.Reference;

namespace Referral.Service.Cases;

/// <summary>A page of cases, or the filter's errors by field.</summary>
public sealed record CaseListAnswer(Paged<CaseListItem>? Page, IReadOnlyDictionary<string, string[]> Errors);

/// <summary>
/// Cases in the person's scope (<see cref="CaseAccess"/>), filtered, most urgent first: the list of
/// GET /api/cases and of the center's pages.
/// </summary>
public sealed class CaseListQuery(CaseAccess access, ReferenceDataCache reference, TimeProvider time)
{
    public const int MaxPageSize = 100;

    /// <summary>Every status a case can be worked on in (the "open" filter of the pages).</summary>
    public static readonly string OpenStatuses = string.Join(',', Enum.GetValues<CaseStatus>().Where(s => s.IsOpen()));

    public async Task<CaseListAnswer> ListAsync(CaseFilter filter, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var page = filter.Page ?? 1;
        var pageSize = filter.PageSize ?? 20;
        if (page < 1) return Invalid("page", "应不小于1 (must be 1 or more)");
        if (pageSize is < 1 or > MaxPageSize) return Invalid("pageSize", $"应在 1 到 {MaxPageSize} 之间 (between 1 and {MaxPageSize})");
        var query = access.Visible(user);
        if (filter.Status is { Length: > 0 } s)
        {
            var statuses = new List<CaseStatus>();
            foreach (var part in s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!Enum.TryParse<CaseStatus>(part, ignoreCase: true, out var st)) return Invalid("status", $"未知的状态 {part} (unknown status)");
                statuses.Add(st);
            }
            query = query.Where(c => statuses.Contains(c.Status));
        }
        if (filter.Color is { Length: > 0 } colorText)
        {
            if (!WarningColorExtensions.TryParse(colorText, out var color)) return Invalid("color", "应为 red、yellow 或 green");
            query = query.Where(c => c.Color == color);
        }
        if (filter.Department is { Length: > 0 } d) query = query.Where(c => c.LeadDepartmentCode == d || c.CoHandlerCodes.Contains(d));
        await reference.EnsureFreshAsync(cancellationToken);
        if (filter.DisputeType is { Length: > 0 } t)
        {
            var type = reference.FindDisputeType(t)?.Code ?? t;
            query = query.Where(c => c.DisputeTypeCode == type);
        }
        var now = time.GetUtcNow();
        if (filter.Overdue == true)
            query = query.Where(c => (c.Status == CaseStatus.Routed && c.AcceptDueAt < now)
                                     || ((c.Status == CaseStatus.Accepted || c.Status == CaseStatus.InProgress) && c.ResolveDueAt < now));
        if (filter.Text is { Length: > 0 } text)
            query = query.Where(c => c.IncidentNumber.Contains(text) || c.Summary.Contains(text) || c.Address.Contains(text));

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.MostUrgentFirst().ThenByDescending(c => c.ReferredAt).ThenBy(c => c.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new CaseListAnswer(new Paged<CaseListItem>(rows.Select(c => CaseListItem.Of(c, reference, now)).ToList(), page, pageSize, total),
            new Dictionary<string, string[]>());
    }

    private static CaseListAnswer Invalid(string field, string message) =>
        new(null, new Dictionary<string, string[]> { [field] = [message] });
}
