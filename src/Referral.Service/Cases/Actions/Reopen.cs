using Referral.Core.Cases;

namespace Referral.Service.Cases.Actions;

/// <summary>重新打开: the dispute came back; the case goes back to its lead department, one color up.</summary>
public sealed class Reopen : CaseActionDescriptor<ReasonRequest>
{
    public override CaseAction Action => CaseAction.Reopen;
    public override string Summary => "重新打开: the dispute came back; one color up";
    public override IReadOnlyList<ActionField> Fields { get; } = [ActionFields.Reason];

    public override void Apply(Case @case, Actor by, ReasonRequest request, ActionContext context, DateTimeOffset now) =>
        @case.Reopen(by, request.Reason, now);

    public override ReasonRequest Read(ActionFormValues form) => new(form.Text("reason"), form.Version);
}
