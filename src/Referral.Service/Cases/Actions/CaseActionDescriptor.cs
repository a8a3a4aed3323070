using System.Security.Claims;
using Referral.Core.Cases;
using Referral.Service.Escalation;
using Referral.Service.Reference;

namespace Referral.Service.Cases.Actions;

/// <summary>What an action's input may need besides the case: reference data, the calendar, the deadline rules.</summary>
public sealed record ActionContext(ReferenceDataCache Reference, IWorkingTime WorkingTime, CaseSchedule Schedule);

/// <summary>The request body of an action: its own fields, and the version of the case it was taken on.</summary>
public interface IActionRequest
{
    int? Version { get; }
}

/// <summary>How a field of an action's form is asked for.</summary>
public enum FieldKind
{
    /// <summary>A line or a paragraph of text.</summary>
    Text,
    /// <summary>One department (lead, co-handler, the new lead of a transfer).</summary>
    Department,
    /// <summary>Several departments (the co-handlers of an assignment).</summary>
    Departments,
    Color,
    ProgressKind,
    Outcome,
    Calm,
    Satisfaction,
    /// <summary>One of the case's open possible links (可能关联), by the earlier case.</summary>
    OpenLink,
}

/// <summary>
/// A field of an action's form. <see cref="Name"/> is the field's name in the request body and in
/// field errors (the form posts it as <c>Act.{Name}</c>); <see cref="Label"/> and <see cref="Hint"/>
/// are keys of <c>ActionForm</c>'s texts.
/// </summary>
public sealed record ActionField(string Name, FieldKind Kind, string Label, bool Required = false, int MaxLength = CaseLimits.Note,
    bool Multiline = true, string? Hint = null);

/// <summary>
/// One case action in one place: its request, the checks of its input, the domain call, and its form.
/// The API (<see cref="CaseActionEndpoints"/>), the case page and triage all read the descriptors;
/// none of them switches over the list of actions. Adding an action: the domain method and its rule
/// row in <c>Referral.Core</c>, one descriptor file here, and its texts (docs/architecture.md).
/// </summary>
public abstract class CaseActionDescriptor
{
    public abstract CaseAction Action { get; }

    /// <summary>The action's URL segment: <c>POST /api/cases/{id}/{slug}</c>.</summary>
    public string Slug => Action.Slug();

    /// <summary>The API's one-line description.</summary>
    public abstract string Summary { get; }

    /// <summary>The form's fields, in the order they are asked for.</summary>
    public abstract IReadOnlyList<ActionField> Fields { get; }

    /// <summary>Maps <c>POST /api/cases/{id}/{slug}</c> with the action's request type.</summary>
    public abstract RouteHandlerBuilder Map(IEndpointRouteBuilder group);

    /// <summary>
    /// Reads a posted form into the action's request and runs it: the case page and triage call this,
    /// the API its typed twin. Values the form could not carry as the request's types are errors by field.
    /// </summary>
    public abstract Task<ActionAnswer> RunFormAsync(CaseActionRunner runner, Guid caseId, ClaimsPrincipal user, ActionFormValues form,
        CancellationToken cancellationToken);
}

/// <inheritdoc />
public abstract class CaseActionDescriptor<TRequest> : CaseActionDescriptor where TRequest : class, IActionRequest
{
    /// <summary>An action taken without a body (accept, resume) answers as if it had an empty one.</summary>
    protected virtual bool BodyOptional => false;

    /// <summary>Checks of the input the domain cannot make (codes that must be known, values that must be given), by field.</summary>
    public virtual IEnumerable<(string Field, string Message)> Check(TRequest request, ActionContext context) => [];

    /// <summary>The domain call; throws (changing nothing) when the state, the person or the input refuse it.</summary>
    public abstract void Apply(Case @case, Actor by, TRequest request, ActionContext context, DateTimeOffset now);

    /// <summary>The request the action's form posted.</summary>
    public abstract TRequest Read(ActionFormValues form);

    public override RouteHandlerBuilder Map(IEndpointRouteBuilder group) =>
        (BodyOptional
            ? group.MapPost("/" + Slug, (Guid id, TRequest? request, ClaimsPrincipal user, CaseActionRunner runner, CancellationToken cancellationToken) =>
                RunHttpAsync(runner, id, user, request ?? Read(ActionFormValues.Empty), cancellationToken))
            : group.MapPost("/" + Slug, (Guid id, TRequest request, ClaimsPrincipal user, CaseActionRunner runner, CancellationToken cancellationToken) =>
                RunHttpAsync(runner, id, user, request, cancellationToken)))
        .WithSummary(Summary);

    public override async Task<ActionAnswer> RunFormAsync(CaseActionRunner runner, Guid caseId, ClaimsPrincipal user, ActionFormValues form,
        CancellationToken cancellationToken)
    {
        var request = Read(form);
        if (form.Errors.Count > 0) return ActionAnswer.Invalid(form.Errors);
        return await runner.RunAsync(this, caseId, user, request, cancellationToken);
    }

    private async Task<IResult> RunHttpAsync(CaseActionRunner runner, Guid id, ClaimsPrincipal user, TRequest request,
        CancellationToken cancellationToken) =>
        runner.ToHttp(await runner.RunAsync(this, id, user, request, cancellationToken), user);
}
