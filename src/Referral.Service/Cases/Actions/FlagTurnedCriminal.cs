using Referral.Core.Cases;

namespace Referral.Service.Cases.Actions;

/// <summary>标记民转刑: the dispute turned into a criminal case.</summary>
public sealed class FlagTurnedCriminal : CaseActionDescriptor<ReasonRequest>
{
    public override CaseAction Action => CaseAction.FlagTurnedCriminal;
    public override string Summary => "标记民转刑: the dispute turned criminal (coordinator)";
    public override IReadOnlyList<ActionField> Fields { get; } = [ActionFields.Reason];

    public override void Apply(Case @case, Actor by, ReasonRequest request, ActionContext context, DateTimeOffset now) =>
        @case.FlagTurnedCriminal(by, request.Reason, now);

    public override ReasonRequest Read(ActionFormValues form) => new(form.Text("reason"), form.Version);
}
