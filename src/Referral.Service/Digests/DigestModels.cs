using Referral.Core.Grading;

namespace Referral.Service.Digests;

/// <summary>One case as a digest lists it: what to do about it and how late it is. Personal data masked.</summary>
public sealed record DigestCase(
    Guid Id,
    string IncidentNumber,
    string DisputeTypeName,
    WarningColor Color,
    string StatusName,
    string DepartmentName,
    string Parties,
    string? DueLabel,
    string? Due,
    int DaysOverdue,
    bool CoHandled,
    string Link);

public sealed record DigestSection(string Title, string Hint, IReadOnlyList<DigestCase> Cases);

/// <summary>日清: one department's morning email.</summary>
public sealed record DailyDigest(string DepartmentName, string Date, IReadOnlyList<DigestSection> Sections, ColorCounts Open)
{
    public bool IsEmpty => Sections.All(s => s.Cases.Count == 0);
}

public sealed record ColorCounts(int Red, int Yellow, int Green)
{
    public int Total => Red + Yellow + Green;
}

/// <summary>One row of the center's daily summary.</summary>
public sealed record DepartmentLine(string DepartmentName, int Open, int New, int Overdue, int MissingFeedback, int DueToday, int Red);

/// <summary>日清 for the center: every department in one table, and every red case.</summary>
public sealed record CenterSummary(string Date, IReadOnlyList<DepartmentLine> Departments, IReadOnlyList<DigestCase> RedCases)
{
    public bool IsEmpty => Departments.All(d => d.Open == 0 && d.New == 0) && RedCases.Count == 0;
}

/// <summary>周结: cases not closed normally, with the reason each is listed.</summary>
public sealed record WeeklyItem(DigestCase Case, IReadOnlyList<string> Reasons);

public sealed record WeeklyReview(string Week, string? DepartmentName, IReadOnlyList<WeeklyItem> Items)
{
    public bool IsEmpty => Items.Count == 0;
}
