using Referral.Core.Cases;

namespace Referral.Service.Cases.Actions;

/// <summary>回访: the follow-up visit; a dispute that came back reopens the case one color up.</summary>
public sealed class FollowUp : CaseActionDescriptor<FollowUpRequest>
{
    public override CaseAction Action => CaseAction.RecordFollowUp;
    public override string Summary => "回访: the follow-up visit; not calm reopens the case";

    public override IReadOnlyList<ActionField> Fields { get; } =
    [
        new("calm", FieldKind.Calm, "Calm", Required: true),
        new("satisfaction", FieldKind.Satisfaction, "Satisfaction", Required: true),
        ActionFields.Note,
    ];

    public override IEnumerable<(string Field, string Message)> Check(FollowUpRequest request, ActionContext context) =>
    [
        .. request.Calm is null ? [("calm", ActionTexts.Required)] : Array.Empty<(string, string)>(),
        .. request.Satisfaction is null ? [("satisfaction", ActionTexts.SatisfactionRequired)] : Array.Empty<(string, string)>(),
    ];

    public override void Apply(Case @case, Actor by, FollowUpRequest request, ActionContext context, DateTimeOffset now) =>
        @case.RecordFollowUp(by, request.Calm ?? throw new CaseInputException("calm", ActionTexts.Required),
            request.Satisfaction ?? throw new CaseInputException("satisfaction", ActionTexts.SatisfactionRequired), request.Note, now);

    public override FollowUpRequest Read(ActionFormValues form) =>
        new(form.YesNo("calm"), form.Choice<Satisfaction>("satisfaction", ActionTexts.SatisfactionRequired), form.Text("note"), form.Version);
}
