using System.Text.Json.Serialization;
using Referral.Dispatch.Referrals;

namespace Referral.Dispatch.State;

/// <summary>
/// One line of an import's state file: the outcome of one CSV row. It holds codes, ids and field
/// names only, never the personal data of the row.
/// </summary>
/// <param name="MessageId">Identifies the row's content: a row edited after it was answered is sent again.</param>
internal sealed record StateRecord(
    int Row,
    string? IncidentNumber,
    Guid? MessageId,
    Outcome Outcome,
    Guid? CaseId = null,
    string? Status = null,
    string? Color = null,
    string? Department = null,
    IReadOnlyDictionary<string, string[]>? Errors = null,
    string? Note = null,
    DateTimeOffset? At = null)
{
    public static StateRecord Of(int row, string? incidentNumber, Guid? messageId, Answer answer, DateTimeOffset at) =>
        new(row, incidentNumber, messageId, answer.Outcome, answer.CaseId, answer.Status, answer.Color, answer.Department,
            answer.Errors, answer.Note, at);

    /// <summary>The service (or the CSV reader) gave its final word; the row needs no re-sending.</summary>
    [JsonIgnore]
    public bool IsFinal => Outcome is Outcome.Created or Outcome.Duplicate or Outcome.Amended or Outcome.Rejected or Outcome.Invalid;
}
