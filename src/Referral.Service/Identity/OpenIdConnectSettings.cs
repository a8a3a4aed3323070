namespace Referral.Service.Identity;

/// <summary>
/// Optional sign-in through an OpenID Connect provider (a provincial single sign-on). The person must
/// also have a local account with the same user name: roles and departments stay managed here.
/// </summary>
public sealed class OpenIdConnectSettings
{
    public const string Section = "Authentication:OpenIdConnect";
    public const string Scheme = "oidc";

    public bool Enabled { get; set; }
    public string Authority { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string? ClientSecret { get; set; }

    /// <summary>The claim that carries the local user name.</summary>
    public string UserNameClaim { get; set; } = "preferred_username";

    /// <summary>The label of the button on the sign-in page.</summary>
    public string DisplayName { get; set; } = "统一身份认证";
}
