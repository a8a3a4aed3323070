namespace Referral.Service.Cases;

/// <summary>
/// What the action forms of the case page post, one field per input any action needs; each form
/// sends the ones its action reads and the version of the case it was shown (for concurrency).
/// </summary>
public sealed class CaseActionInput
{
    public int? Version { get; set; }
    public string? Note { get; set; }
    public string? Reason { get; set; }
    public string? Kind { get; set; }
    public string? Text { get; set; }
    public string? NextStep { get; set; }
    public string? Department { get; set; }
    public string? Color { get; set; }
    public string? Outcome { get; set; }
    public string? AgreementSummary { get; set; }
    public string? Calm { get; set; }
    public string? Satisfaction { get; set; }
    public string? EarlierCase { get; set; }
}
