namespace Referral.Service.Web;

public static class WebExtensions
{
    public static WebApplicationBuilder AddWeb(this WebApplicationBuilder builder)
    {
        // `dotnet run` from the source tree serves the build's compressed assets from obj/ through the
        // static web assets manifest, in every environment; a published app has no manifest and skips this.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents();
        // Chinese text as it is, not as character references: pages and emails half the size, and readable.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.AddPageLocalization();
        return builder;
    }

    public static WebApplication MapWeb(this WebApplication app)
    {
        app.UsePageLocalization();
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous();
        app.MapCultureSwitch();
        app.MapRazorComponents<App>();
        return app;
    }
}
