namespace Referral.Service.Dashboard;

/// <summary>Every figure of the dashboard for one period; definitions in docs/statistics.md.</summary>
public sealed record StatisticsReport(
    string From,
    string To,
    string TimeZone,
    DateTimeOffset ComputedAt,
    Headline Headline,
    YearOnYear YearOnYear,
    IReadOnlyList<MonthFigures> Months,
    IReadOnlyList<CategoryCount> ByDisputeType,
    IReadOnlyList<DepartmentFigures> ByDepartment,
    IReadOnlyList<CategoryCount> ByStation,
    IReadOnlyList<CategoryCount> ByColor,
    IReadOnlyList<CategoryCount> ByOutcome);

/// <param name="Referred">Cases referred (流转) in the period.</param>
/// <param name="Closed">Cases whose (last) closing falls in the period.</param>
/// <param name="Resolved">Of those, closed with an outcome that counts as resolved (化解).</param>
/// <param name="OverdueNow">Open cases past their accept or resolve deadline at the moment of computing, whatever the period.</param>
/// <param name="TurnedCriminal">Cases flagged as turned criminal (民转刑) in the period.</param>
public sealed record Headline(
    int Referred,
    int Closed,
    int Resolved,
    DailyFeedback DailyFeedback,
    int OverdueNow,
    Ratio Recurrence,
    int TurnedCriminal,
    Mean MeanAcceptHours,
    Mean MeanResolveDays);

/// <summary>日清率: of the (case × working day) pairs that needed a progress entry, those that had one.</summary>
public sealed record DailyFeedback(int Required, int WithProgress, double? RatePercent);

/// <summary>A share with its counts; <see cref="RatePercent"/> is null (n/a) when <see cref="Of"/> is zero.</summary>
public sealed record Ratio(int Count, int Of, double? RatePercent);

/// <summary>A mean over <see cref="Cases"/> cases; null (n/a) when there are none.</summary>
public sealed record Mean(int Cases, double? Value);

/// <summary>
/// Cases referred in the period against the same months one year earlier. <see cref="ChangePercent"/>
/// is null (n/a) when the previous year has no case.
/// </summary>
public sealed record YearOnYear(int Current, int Previous, int Change, double? ChangePercent);

/// <param name="Month">yyyy-MM.</param>
/// <param name="PreviousYearReferred">Cases referred in the same month one year earlier.</param>
public sealed record MonthFigures(string Month, int Referred, int Closed, int Resolved, int PreviousYearReferred, double? ChangePercent);

/// <summary>A count by code (dispute type, station, color, outcome of the cases closed) with its Chinese name.</summary>
public sealed record CategoryCount(string Code, string Name, int Count);

/// <param name="Code">The lead department; empty for cases still in the center's triage.</param>
/// <param name="Referred">Cases referred in the period that this department leads now.</param>
/// <param name="MeanAcceptHours">Routing → acceptance, working hours, over cases accepted in the period.</param>
/// <param name="MeanResolveDays">Acceptance → closing, working days, over cases closed in the period.</param>
public sealed record DepartmentFigures(
    string Code,
    string Name,
    int Referred,
    int Accepted,
    int Closed,
    int Resolved,
    Mean MeanAcceptHours,
    Mean MeanResolveDays);
