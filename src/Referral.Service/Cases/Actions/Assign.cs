using Referral.Core.Cases;

namespace Referral.Service.Cases.Actions;

/// <summary>分派: the center sends a case in triage to a lead department, and co-handlers if any.</summary>
public sealed class Assign : CaseActionDescriptor<AssignRequest>
{
    public override CaseAction Action => CaseAction.Assign;
    public override string Summary => "分派: send a case in triage to a lead department (coordinator)";

    public override IReadOnlyList<ActionField> Fields { get; } =
    [
        new("leadDepartment", FieldKind.Department, "Lead", Required: true),
        new("coHandlers", FieldKind.Departments, "CoHandlers", Hint: "CoHandlersHint"),
        new("note", FieldKind.Text, "AssignReason", Required: true, MaxLength: CaseLimits.Reason, Hint: "AssignReasonHint"),
    ];

    public override IEnumerable<(string Field, string Message)> Check(AssignRequest request, ActionContext context) =>
        ActionFields.KnownDepartment(context, "leadDepartment", request.LeadDepartment)
            .Concat((request.CoHandlers ?? []).SelectMany((code, i) => ActionFields.KnownDepartment(context, $"coHandlers[{i}]", code)));

    public override void Apply(Case @case, Actor by, AssignRequest request, ActionContext context, DateTimeOffset now) =>
        @case.Assign(by, request.LeadDepartment, request.CoHandlers ?? [], request.Note, now);

    /// <summary>
    /// A person overriding the routing on a page says why (triage's rule since the first pages); a station
    /// system or script on the API may leave the note out.
    /// </summary>
    public override AssignRequest Read(ActionFormValues form)
    {
        var lead = form.Text("leadDepartment");
        var note = form.Text("note");
        if (string.IsNullOrWhiteSpace(lead)) form.Error("leadDepartment", form.Say("ChooseLead"));
        if (string.IsNullOrWhiteSpace(note) || note.Trim().Length < 2) form.Error("note", form.Say("GiveAssignReason"));
        return new AssignRequest(lead, form.Texts("coHandlers"), note?.Trim(), form.Version);
    }
}
