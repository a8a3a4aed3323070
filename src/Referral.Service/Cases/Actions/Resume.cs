using Referral.Core.Cases;

namespace Referral.Service.Cases.Actions;

/// <summary>恢复办理: the hold ends; its working time extends the resolve deadline.</summary>
public sealed class Resume : CaseActionDescriptor<NoteRequest>
{
    public override CaseAction Action => CaseAction.Resume;
    public override string Summary => "恢复办理: end the hold";
    public override IReadOnlyList<ActionField> Fields { get; } = [ActionFields.Note];
    protected override bool BodyOptional => true;

    public override void Apply(Case @case, Actor by, NoteRequest request, ActionContext context, DateTimeOffset now) =>
        @case.Resume(by, request.Note, context.WorkingTime, now);

    public override NoteRequest Read(ActionFormValues form) => new(form.Text("note"), form.Version);
}
