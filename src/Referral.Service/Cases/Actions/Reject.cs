using Referral.Core.Cases;

namespace Referral.Service.Cases.Actions;

/// <summary>退回: the lead department sends the case back to the center's triage, with a reason.</summary>
public sealed class Reject : CaseActionDescriptor<ReasonRequest>
{
    public override CaseAction Action => CaseAction.Reject;
    public override string Summary => "退回: back to the center's triage, with a reason";
    public override IReadOnlyList<ActionField> Fields { get; } = [ActionFields.Reason];

    public override void Apply(Case @case, Actor by, ReasonRequest request, ActionContext context, DateTimeOffset now) =>
        @case.Reject(by, request.Reason, now);

    public override ReasonRequest Read(ActionFormValues form) => new(form.Text("reason"), form.Version);
}
