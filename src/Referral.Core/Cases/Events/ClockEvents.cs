using System.Globalization;
using Referral.Core.Grading;

namespace Referral.Core.Cases.Events;

/// <summary>升级预警: a deadline passed (or daily feedback was missed twice): the color rose, or the supervisors were told.</summary>
public sealed record Escalated(string Rule, WarningColor From, WarningColor To, DateTimeOffset Deadline, bool ToSupervisors, string Description) : CaseEvent
{
    public override CaseAction Action => CaseAction.Escalate;
    public override string? Note => Description;

    protected override IEnumerable<(string Key, string? Value)> ListFacts() =>
        [("rule", Rule), ("from", From.Code()), ("to", To.Code()), ("deadline", Deadline.ToString("O", CultureInfo.InvariantCulture)),
         ("supervisors", ToSupervisors ? "true" : null)];
}

/// <summary>临期提醒: a deadline is near; the department was warned.</summary>
public sealed record Warned(string Rule, WarningColor From, WarningColor To, DateTimeOffset Deadline, string Description) : CaseEvent
{
    public override CaseAction Action => CaseAction.Warn;
    public override string? Note => Description;

    protected override IEnumerable<(string Key, string? Value)> ListFacts() =>
        [("rule", Rule), ("from", From.Code()), ("to", To.Code()), ("deadline", Deadline.ToString("O", CultureInfo.InvariantCulture))];
}
