using Referral.Core.Cases;
using Referral.Core.Grading;

namespace Referral.Service.Cases.Actions;

/// <summary>调整预警: the center raises or lowers the color, always with a reason.</summary>
public sealed class ChangeColor : CaseActionDescriptor<ColorRequest>
{
    public override CaseAction Action => CaseAction.ChangeColor;
    public override string Summary => "调整预警: raise or lower the color, with a reason (coordinator)";

    public override IReadOnlyList<ActionField> Fields { get; } =
    [
        new("color", FieldKind.Color, "NewColor", Required: true),
        ActionFields.Reason,
    ];

    public override IEnumerable<(string Field, string Message)> Check(ColorRequest request, ActionContext context) =>
        WarningColorExtensions.TryParse(request.Color, out _) ? [] : [("color", ActionTexts.ColorRequired)];

    public override void Apply(Case @case, Actor by, ColorRequest request, ActionContext context, DateTimeOffset now) =>
        @case.ChangeColor(by, WarningColorExtensions.TryParse(request.Color, out var color) ? color : throw new CaseInputException("color", ActionTexts.ColorRequired),
            request.Reason, context.Schedule.Deadlines, now);

    public override ColorRequest Read(ActionFormValues form) => new(form.Text("color"), form.Text("reason"), form.Version);
}
