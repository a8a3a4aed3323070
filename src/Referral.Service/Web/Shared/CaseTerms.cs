using Microsoft.Extensions.Localization;
using Referral.Core.Cases;
using Referral.Core.Grading;

namespace Referral.Service.Web.Shared;

/// <summary>
/// The words of the workflow on the pages (states, actions, outcomes...), in the person's language.
/// The Chinese texts are those of <c>Referral.Core</c>'s <c>ChineseName()</c>, which the API and emails use.
/// </summary>
public sealed class CaseTerms(IStringLocalizer<CaseTerms> localizer)
{
    public string Status(CaseStatus status) => Text($"Status.{status}", status.ChineseName());

    public string Action(CaseAction action) => Text($"Action.{action}", action.ChineseName());

    public string Outcome(CaseOutcome outcome) => Text($"Outcome.{outcome}", outcome.ChineseName());

    public string Progress(ProgressKind kind) => Text($"Progress.{kind}", kind.ToString());

    public string Satisfaction(Satisfaction satisfaction) => Text($"Satisfaction.{satisfaction}", satisfaction.ToString());

    public string Color(WarningColor color) => Text($"Color.{color}", color.ChineseName());

    private string Text(string key, string fallback)
    {
        var text = localizer[key];
        return text.ResourceNotFound ? fallback : text.Value;
    }
}
