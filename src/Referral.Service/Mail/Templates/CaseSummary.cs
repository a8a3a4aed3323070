using System.Globalization;
using Referral.Core.Cases;
using Referral.Core.Grading;
using Referral.Core.Privacy;
using Referral.Service.Reference;

namespace Referral.Service.Mail.Templates;

/// <summary>A case as emails show it: masked, in Chinese, times in the calendar's time zone.</summary>
public sealed record CaseSummary(
    Guid Id,
    string IncidentNumber,
    string DisputeTypeName,
    WarningColor Color,
    string StatusName,
    string DepartmentName,
    IReadOnlyList<string> Parties,
    string Summary,
    string? DeadlineLabel,
    string? Deadline,
    int DaysOverdue)
{
    private const int SummaryLength = 120;
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static CaseSummary Of(Case c, ReferenceDataCache reference, DateTimeOffset now)
    {
        var summary = PersonalData.MaskText(c.Summary, c.Parties.Select(p => p.Name));
        var (label, due) = c.Status switch
        {
            CaseStatus.Routed => ("签收期限", c.AcceptDueAt),
            CaseStatus.Accepted or CaseStatus.InProgress => ("办结期限", c.ResolveDueAt),
            CaseStatus.Closed => ("回访期限", c.FollowUpDueAt),
            _ => ((string?)null, (DateTimeOffset?)null),
        };
        var overdue = due is { } d && d < now ? (int)Math.Ceiling((now - d).TotalDays) : 0;
        return new CaseSummary(c.Id, c.IncidentNumber, reference.DisputeTypeName(c.DisputeTypeCode), c.Color, c.Status.ChineseName(),
            reference.DepartmentName(c.LeadDepartmentCode), c.Parties.Select(p => PersonalData.MaskName(p.Name)).ToList(),
            summary.Length > SummaryLength ? summary[..SummaryLength] + "…" : summary,
            due is null ? null : label, due is null ? null : Local(due.Value), overdue);
    }

    public static string Local(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Shanghai).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The plain-text rendering of the same facts, for the text part of the email.</summary>
    public string ToText(string link) =>
        $"""
        警情编号：{IncidentNumber}（{Color.ChineseName()}色预警）
        纠纷类型：{DisputeTypeName}
        状态：{StatusName}
        主办单位：{DepartmentName}
        当事人：{string.Join("、", Parties)}
        简要案情：{Summary}
        {(Deadline is null ? "" : $"{DeadlineLabel}：{Deadline}\n")}链接：{link}
        """;
}
