using Referral.Core.Cases;

namespace Referral.Service.Cases.Actions;

/// <summary>办结: closed with an outcome; 调解成功 needs the agreement summary; the referring station is told.</summary>
public sealed class Close : CaseActionDescriptor<CloseRequest>
{
    public override CaseAction Action => CaseAction.Close;
    public override string Summary => "办结: close with an outcome (调解成功 needs the agreement summary)";

    public override IReadOnlyList<ActionField> Fields { get; } =
    [
        new("outcome", FieldKind.Outcome, "Outcome", Required: true),
        new("agreementSummary", FieldKind.Text, "AgreementSummary", Hint: "AgreementHint"),
    ];

    public override IEnumerable<(string Field, string Message)> Check(CloseRequest request, ActionContext context) =>
        request.Outcome is null ? [("outcome", ActionTexts.OutcomeRequired)] : [];

    public override void Apply(Case @case, Actor by, CloseRequest request, ActionContext context, DateTimeOffset now) =>
        @case.Close(by, request.Outcome ?? throw new CaseInputException("outcome", ActionTexts.OutcomeRequired), request.AgreementSummary,
            context.WorkingTime, now);

    public override CloseRequest Read(ActionFormValues form) =>
        new(form.Choice<CaseOutcome>("outcome", ActionTexts.OutcomeRequired), form.Text("agreementSummary"), form.Version);
}
