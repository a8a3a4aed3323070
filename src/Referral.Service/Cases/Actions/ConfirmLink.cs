using Referral.Core.Cases;

namespace Referral.Service.Cases.Actions;

/// <summary>确认关联: a possible link (可能关联) is the same dispute: a recurrence, linked on both timelines, red.</summary>
public sealed class ConfirmLink : CaseActionDescriptor<ConfirmLinkRequest>
{
    public override CaseAction Action => CaseAction.ConfirmLink;
    public override string Summary => "确认关联: a possible link (可能关联) is the same dispute: a recurrence, linked on both timelines, red (coordinator)";

    public override IReadOnlyList<ActionField> Fields { get; } =
    [
        new("earlierCase", FieldKind.OpenLink, "EarlierCase", Required: true),
        ActionFields.Note with { Hint = "ConfirmHint" },
    ];

    public override IEnumerable<(string Field, string Message)> Check(ConfirmLinkRequest request, ActionContext context) =>
        request.EarlierCase is null ? [("earlierCase", ActionTexts.EarlierCaseRequired)] : [];

    public override void Apply(Case @case, Actor by, ConfirmLinkRequest request, ActionContext context, DateTimeOffset now) =>
        @case.ConfirmLink(by, request.EarlierCase ?? throw new CaseInputException("earlierCase", ActionTexts.EarlierCaseRequired), request.Note,
            context.Schedule.Deadlines, now);

    public override ConfirmLinkRequest Read(ActionFormValues form) => new(form.Id("earlierCase"), form.Text("note"), form.Version);
}
