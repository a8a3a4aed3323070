using Referral.Core.Cases;

namespace Referral.Service.Cases.Actions;

// The bodies of POST /api/cases/{id}/{action}. Fields are added, never renamed (the API and its OpenAPI schema).

public sealed record AssignRequest(string? LeadDepartment, IReadOnlyList<string>? CoHandlers, string? Note, int? Version) : IActionRequest;

public sealed record NoteRequest(string? Note, int? Version) : IActionRequest;

public sealed record ReasonRequest(string? Reason, int? Version) : IActionRequest;

public sealed record ProgressRequest(ProgressKind? Kind, string? Text, string? NextStep, int? Version) : IActionRequest;

public sealed record DepartmentRequest(string? Department, string? Note, int? Version) : IActionRequest;

public sealed record TransferRequest(string? Department, string? Reason, int? Version) : IActionRequest;

public sealed record ColorRequest(string? Color, string? Reason, int? Version) : IActionRequest;

public sealed record CloseRequest(CaseOutcome? Outcome, string? AgreementSummary, int? Version) : IActionRequest;

public sealed record FollowUpRequest(bool? Calm, Satisfaction? Satisfaction, string? Note, int? Version) : IActionRequest;

public sealed record ConfirmLinkRequest(Guid? EarlierCase, string? Note, int? Version) : IActionRequest;

public sealed record DismissLinkRequest(Guid? EarlierCase, string? Reason, int? Version) : IActionRequest;
