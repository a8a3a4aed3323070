using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Referral.Service.Web;

/// <summary>
/// The pages speak Chinese unless the person chose English through <c>/culture</c>, which sets the
/// standard ASP.NET culture cookie. Each component reads its texts from the resource files next to
/// it (<c>X.resx</c> Chinese, <c>X.en.resx</c> English). The API is left alone: its messages carry
/// both languages whatever the caller's culture.
/// </summary>
public static class PageLocalization
{
    public const string Chinese = "zh-CN";
    public const string English = "en";
    private static readonly CultureInfo[] Supported = [new(Chinese), new(English)];

    public static WebApplicationBuilder AddPageLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.AddSingleton<Shared.CaseTerms>();
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Chinese);
            o.SupportedCultures = Supported;
            o.SupportedUICultures = Supported;
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return builder;
    }

    public static WebApplication UsePageLocalization(this WebApplication app)
    {
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages => pages.UseRequestLocalization());
        return app;
    }

    /// <summary><c>/culture?c=en&amp;returnUrl=/inbox</c>: remembers the choice for a year and goes back.</summary>
    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/culture", (string? c, string? returnUrl, HttpContext http) =>
        {
            var culture = c == English ? English : Chinese;
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>Only paths of this site: no open redirect through a crafted link.</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
