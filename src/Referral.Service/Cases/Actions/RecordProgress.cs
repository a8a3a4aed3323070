using Referral.Core.Cases;

namespace Referral.Service.Cases.Actions;

/// <summary>反馈进展: a call, a visit, a mediation session or other (日清: one each working day).</summary>
public sealed class RecordProgress : CaseActionDescriptor<ProgressRequest>
{
    public override CaseAction Action => CaseAction.RecordProgress;
    public override string Summary => "反馈进展: a call, a visit, a mediation session or other (日清)";

    public override IReadOnlyList<ActionField> Fields { get; } =
    [
        new("kind", FieldKind.ProgressKind, "Kind", Required: true),
        new("text", FieldKind.Text, "ProgressText", Required: true),
        new("nextStep", FieldKind.Text, "NextStep", Multiline: false),
    ];

    public override IEnumerable<(string Field, string Message)> Check(ProgressRequest request, ActionContext context) =>
        request.Kind is null ? [("kind", ActionTexts.KindRequired)] : [];

    public override void Apply(Case @case, Actor by, ProgressRequest request, ActionContext context, DateTimeOffset now) =>
        @case.RecordProgress(by, request.Kind ?? throw new CaseInputException("kind", ActionTexts.KindRequired), request.Text, request.NextStep, now);

    public override ProgressRequest Read(ActionFormValues form) =>
        new(form.Choice<ProgressKind>("kind", ActionTexts.KindRequired), form.Text("text"), form.Text("nextStep"), form.Version);
}
