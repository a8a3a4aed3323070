using Referral.Testing;

namespace Referral.Ui.Tests;

/// <summary>The service on a real port and Debian's Chromium, for all tests of a fixture.</summary>
public abstract class UiFixture
{
    protected ReferralApp App { get; private set; } = null!;
    protected Browser Browser { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        App = new ReferralApp(new ReferralAppOptions { Kestrel = true });
        await App.StartAsync();
        Browser = await Browser.LaunchAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await Browser.DisposeAsync();
        await App.DisposeAsync();
    }

    protected Task<Person> SignInAsync(string userName, string? path = null) => Person.SignInAsync(Browser, App, userName, path);

    /// <summary>The incident's wall-clock time as the form's datetime-local input takes it (Asia/Shanghai).</summary>
    protected static string LocalTimeInput(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
