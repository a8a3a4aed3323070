using Referral.Core.Cases;

namespace Referral.Service.Cases.Actions;

/// <summary>暂停: waiting for a party or a court date; the resolve clock pauses.</summary>
public sealed class Hold : CaseActionDescriptor<ReasonRequest>
{
    public override CaseAction Action => CaseAction.Hold;
    public override string Summary => "暂停: wait for a party or a court date; pauses the resolve clock";
    public override IReadOnlyList<ActionField> Fields { get; } = [ActionFields.Reason];

    public override void Apply(Case @case, Actor by, ReasonRequest request, ActionContext context, DateTimeOffset now) =>
        @case.Hold(by, request.Reason, now);

    public override ReasonRequest Read(ActionFormValues form) => new(form.Text("reason"), form.Version);
}
