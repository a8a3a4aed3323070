using Referral.Core.Cases;

namespace Referral.Service.Cases.Actions;

/// <summary>排除关联: a possible link is another dispute, with a reason; nothing else changes.</summary>
public sealed class DismissLink : CaseActionDescriptor<DismissLinkRequest>
{
    public override CaseAction Action => CaseAction.DismissLink;
    public override string Summary => "排除关联: a possible link is another dispute, with a reason; nothing else changes (coordinator)";

    public override IReadOnlyList<ActionField> Fields { get; } =
    [
        new("earlierCase", FieldKind.OpenLink, "EarlierCase", Required: true),
        ActionFields.Reason,
    ];

    public override IEnumerable<(string Field, string Message)> Check(DismissLinkRequest request, ActionContext context) =>
        request.EarlierCase is null ? [("earlierCase", ActionTexts.EarlierCaseRequired)] : [];

    public override void Apply(Case @case, Actor by, DismissLinkRequest request, ActionContext context, DateTimeOffset now) =>
        @case.DismissLink(by, request.EarlierCase ?? throw new CaseInputException("earlierCase", ActionTexts.EarlierCaseRequired), request.Reason, now);

    public override DismissLinkRequest Read(ActionFormValues form) => new(form.Id("earlierCase"), form.Text("reason"), form.Version);
}
