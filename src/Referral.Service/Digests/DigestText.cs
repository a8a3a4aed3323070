using System.Text;
using Referral.Core.Grading;

namespace Referral.Service.Digests;

/// <summary>The plain-text part of each digest: the same facts as the HTML, for mail clients that show only text.</summary>
public static class DigestText
{
    public static string Daily(DailyDigest d)
    {
        var text = new StringBuilder($"日清提醒 · {d.DepartmentName} · {d.Date}\n\n");
        text.Append($"在办案件 {d.Open.Total} 件：红色 {d.Open.Red}，黄色 {d.Open.Yellow}，绿色 {d.Open.Green}。\n");
        if (d.IsEmpty) text.Append("\n今日无待办案件：没有超期、到期、未反馈或待签收的案件。\n");
        foreach (var s in d.Sections)
        {
            text.Append($"\n【{s.Title}】{s.Cases.Count} 件 — {s.Hint}\n");
            Cases(text, s.Cases);
        }
        return Footer(text);
    }

    public static string Center(CenterSummary c)
    {
        var text = new StringBuilder($"日清汇总 · {c.Date}\n\n");
        if (c.IsEmpty) text.Append("今日各部门均无在办案件。\n");
        foreach (var d in c.Departments)
            text.Append($"{d.DepartmentName}：在办 {d.Open}，待签收 {d.New}，超期 {d.Overdue}，昨日未反馈 {d.MissingFeedback}，今日到期 {d.DueToday}，红色 {d.Red}\n");
        text.Append($"\n【红色预警案件】{c.RedCases.Count} 件\n");
        Cases(text, c.RedCases);
        return Footer(text);
    }

    public static string Weekly(WeeklyReview w)
    {
        var title = w.DepartmentName is null ? $"周结 · {w.Week} · 未正常完结案件" : $"督促提醒 · {w.DepartmentName} · {w.Week}";
        var text = new StringBuilder(title + "\n\n");
        if (w.IsEmpty) text.Append("本周没有未正常完结的案件。\n");
        foreach (var item in w.Items)
        {
            Cases(text, [item.Case]);
            text.Append($"    列入原因：{string.Join("；", item.Reasons)}\n");
        }
        return Footer(text);
    }

    private static void Cases(StringBuilder text, IReadOnlyList<DigestCase> cases)
    {
        if (cases.Count == 0) text.Append("  无案件。\n");
        foreach (var c in cases)
        {
            text.Append($"  - {c.IncidentNumber}（{c.Color.ChineseName()}）{c.DisputeTypeName}，{c.StatusName}，{c.DepartmentName}");
            if (c.CoHandled) text.Append("（协办）");
            if (c.Due is not null) text.Append($"，{c.DueLabel} {c.Due}");
            if (c.DaysOverdue > 0) text.Append($"，超期 {c.DaysOverdue} 个工作日");
            text.Append($"，当事人 {c.Parties}\n    {c.Link}\n");
        }
    }

    private static string Footer(StringBuilder text) =>
        text.Append("\n—— 警情通办（本邮件由系统自动发送，当事人个人信息已脱敏）\n").ToString();
}
