using Referral.Core.Cases;

namespace Referral.Service.Cases.Actions;

/// <summary>签收: the lead department accepts the case.</summary>
public sealed class Accept : CaseActionDescriptor<NoteRequest>
{
    public override CaseAction Action => CaseAction.Accept;
    public override string Summary => "签收: the lead department accepts the case";
    public override IReadOnlyList<ActionField> Fields { get; } = [ActionFields.Note];
    protected override bool BodyOptional => true;

    public override void Apply(Case @case, Actor by, NoteRequest request, ActionContext context, DateTimeOffset now) =>
        @case.Accept(by, request.Note, now);

    public override NoteRequest Read(ActionFormValues form) => new(form.Text("note"), form.Version);
}
