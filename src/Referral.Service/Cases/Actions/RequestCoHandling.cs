using Referral.Core.Cases;

namespace Referral.Service.Cases.Actions;

/// <summary>邀请协办: the lead (or the center) asks another department to co-handle.</summary>
public sealed class RequestCoHandling : CaseActionDescriptor<DepartmentRequest>
{
    public override CaseAction Action => CaseAction.RequestCoHandling;
    public override string Summary => "邀请协办: ask another department to co-handle";

    public override IReadOnlyList<ActionField> Fields { get; } =
    [
        new("department", FieldKind.Department, "CoHandler", Required: true),
        ActionFields.Note,
    ];

    public override IEnumerable<(string Field, string Message)> Check(DepartmentRequest request, ActionContext context) =>
        ActionFields.KnownDepartment(context, "department", request.Department);

    public override void Apply(Case @case, Actor by, DepartmentRequest request, ActionContext context, DateTimeOffset now) =>
        @case.RequestCoHandling(by, request.Department, request.Note, now);

    public override DepartmentRequest Read(ActionFormValues form) => new(form.Text("department"), form.Text("note"), form.Version);
}
