using Referral.Core.Cases;

namespace Referral.Service.Identity;

/// <summary>Who may call what; which cases they see is decided by <c>CaseScope</c>.</summary>
public static class Policies
{
    /// <summary>Station systems (API key) and dispatchers refer incidents.</summary>
    public const string Referrer = nameof(Referrer);

    /// <summary>Anyone signed in as a person (not a station system).</summary>
    public const string Staff = nameof(Staff);

    public const string Coordinator = nameof(Coordinator);
    public const string Admin = nameof(Admin);

    /// <summary>Coordinators, supervisors and admins: the center's overview.</summary>
    public const string Oversight = nameof(Oversight);

    /// <summary>Who edits routing rules: admins, and the center's coordinators.</summary>
    public const string RuleEditor = nameof(RuleEditor);

    /// <summary>Who may ask where a referral would go: staff and station systems.</summary>
    public const string Explainer = nameof(Explainer);

    /// <summary>Who reads cases (each within their scope): staff other than admins, and station systems.</summary>
    public const string CaseReader = nameof(CaseReader);

    public static readonly string[] StaffRoles = [Roles.Dispatcher, Roles.Coordinator, Roles.Handler, Roles.Supervisor, Roles.Admin];
}
