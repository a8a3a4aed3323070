using Referral.Core.Cases;

namespace Referral.Service.Cases.Actions;

/// <summary>转办: the center moves the case to another lead department, which must accept it anew.</summary>
public sealed class Transfer : CaseActionDescriptor<TransferRequest>
{
    public override CaseAction Action => CaseAction.Transfer;
    public override string Summary => "转办: move the case to another lead department (coordinator)";

    public override IReadOnlyList<ActionField> Fields { get; } =
    [
        new("department", FieldKind.Department, "NewLead", Required: true),
        ActionFields.Reason,
    ];

    public override IEnumerable<(string Field, string Message)> Check(TransferRequest request, ActionContext context) =>
        ActionFields.KnownDepartment(context, "department", request.Department);

    public override void Apply(Case @case, Actor by, TransferRequest request, ActionContext context, DateTimeOffset now) =>
        @case.Transfer(by, request.Department, request.Reason, context.WorkingTime, now);

    public override TransferRequest Read(ActionFormValues form) => new(form.Text("department"), form.Text("reason"), form.Version);
}
