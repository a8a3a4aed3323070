using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Referral.Contracts;
using Referral.Service.Digests;
using Referral.Testing;

namespace Referral.Service.Tests.Cases;

/// <summary>
/// Every list that claims "most urgent first", read back from the database through the service: a red,
/// a yellow and a green case come out in that order. They are referred red first, then yellow, then
/// green, so that neither "newest first" (green, yellow, red) nor the colors' stored names sorted as
/// text (yellow, red, green) can pass for it.
/// </summary>
public sealed partial class UrgencyOrderTests
{
    private ReferralApp _app = null!;
    private HttpClient _station = null!;
    private HttpClient _coordinator = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = new ReferralApp();
        await _app.StartAsync();
        _station = _app.CreateStationClient();
        _coordinator = await _app.CreateUserClientAsync("coordinator");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _station.Dispose();
        _coordinator.Dispose();
        await _app.DisposeAsync();
    }

    [Test]
    public async Task Case_list_of_the_API_gives_red_yellow_green_also_one_per_page()
    {
        var (three, marker) = await ReferThreeAsync("消费");

        var all = await ListAsync($"/api/cases?text={marker}");
        var pages = new List<Guid>();
        for (var page = 1; page <= 3; page++) pages.AddRange(await ListAsync($"/api/cases?text={marker}&pageSize=1&page={page}"));

        Assert.That(all, Is.EqualTo(three));
        Assert.That(pages, Is.EqualTo(three), "the database pages by severity: page 1 holds the red case");
    }

    [Test]
    public async Task Open_cases_page_gives_red_yellow_green()
    {
        var (three, _) = await ReferThreeAsync("医疗");

        var html = await _coordinator.GetStringAsync("/cases?type=medical");

        Assert.That(Order(html, three), Is.EqualTo(three));
    }

    [Test]
    public async Task Triage_page_gives_red_yellow_green()
    {
        var (three, _) = await ReferThreeAsync("其他");

        var html = await _coordinator.GetStringAsync("/triage");

        Assert.That(Order(html, three), Is.EqualTo(three));
    }

    [Test]
    public async Task Inbox_of_the_department_gives_red_yellow_green()
    {
        var (three, _) = await ReferThreeAsync("环境噪音");
        using var handler = await _app.CreateUserClientAsync("handler-zhzf");

        var html = await handler.GetStringAsync("/inbox");

        var newCases = NewSection().Match(html);
        Assert.That(newCases.Success, Is.True, "the inbox has its section of new cases");
        Assert.That(Order(newCases.Value, three), Is.EqualTo(three));
    }

    [Test]
    public async Task Red_list_page_lists_the_red_case_only()
    {
        var (three, _) = await ReferThreeAsync("道路交通事故");

        var html = await _coordinator.GetStringAsync("/red-list");

        Assert.That(Order(html, three), Is.EqualTo(three[..1]));
    }

    [Test]
    public async Task Daily_digest_of_the_department_lists_the_cases_to_accept_red_yellow_green_and_the_center_summary_only_the_red_one()
    {
        var (three, _) = await ReferThreeAsync("劳动争议/欠薪");

        var daily = await RenderAsync(DigestKind.Daily, Today());
        var center = await RenderAsync(DigestKind.Center, Today());

        Assert.That(Order(daily.Single(d => d.To.Key == "dept:ldjc").Html, three), Is.EqualTo(three));
        Assert.That(Order(center.Single().Html, three), Is.EqualTo(three[..1]));
    }

    [Test]
    public async Task Weekly_review_lists_cases_rejected_back_to_triage_red_yellow_green()
    {
        var (three, _) = await ReferThreeAsync("物业");
        using var community = await _app.CreateUserClientAsync("handler-chaotang");
        foreach (var id in three)
        {
            using var rejected = await community.PostAsJsonAsync($"/api/cases/{id}/reject", new { reason = "系业主之间的邻里纠纷，不属物业纠纷" });
            Assert.That(rejected.StatusCode, Is.EqualTo(HttpStatusCode.OK), "arrange: the community sends the case back");
        }

        var weekly = await RenderAsync(DigestKind.Weekly, Week());

        Assert.That(weekly, Is.Not.Empty);
        Assert.That(weekly.Select(d => Order(d.Html, three)), Has.All.EqualTo(three));
    }

    /// <summary>A red, a yellow and a green case of the type, in that order of urgency, and the marker their summaries share.</summary>
    private async Task<(Guid[] Cases, string Marker)> ReferThreeAsync(string disputeType)
    {
        var marker = $"排序{Guid.NewGuid():N}"[..12];
        var risks = new[] { new RiskInfo { Violence = true }, new RiskInfo { VulnerablePersons = true }, new RiskInfo { PoliceCallsLast30Days = 1 } };
        var ids = new List<Guid>();
        foreach (var (risk, color) in risks.Zip(["red", "yellow", "green"]))
        {
            var referral = Referrals.Valid(disputeType: disputeType, address: Referrals.UniqueAddress("潮塘社区"), risk: risk) with
            {
                Summary = $"双方多次发生争执（{marker}），民警到场后认为仍存在再次激发可能性。",
            };
            using var response = await _station.PostAsJsonAsync("/api/referrals", referral);
            var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), receipt.ToString());
            Assert.That(receipt.GetProperty("color").GetString(), Is.EqualTo(color), "arrange: the risk gives the color");
            ids.Add(receipt.GetProperty("caseId").GetGuid());
        }
        return ([.. ids], marker);
    }

    private async Task<List<Guid>> ListAsync(string url)
    {
        var page = await _coordinator.GetFromJsonAsync<JsonElement>(url);
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
    }

    private async Task<IReadOnlyList<RenderedDigest>> RenderAsync(DigestKind kind, string period)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DigestService>().RenderAsync(kind, period, CancellationToken.None);
    }

    /// <summary>The given cases in the order the page or email first names them, by id.</summary>
    private static Guid[] Order(string html, IEnumerable<Guid> cases)
    {
        var wanted = cases.ToHashSet();
        return CaseIds().Matches(html).Select(m => Guid.Parse(m.Value)).Where(wanted.Contains).Distinct().ToArray();
    }

    private static DateTimeOffset ShanghaiNow() =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

    private static string Today() => ShanghaiNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Week()
    {
        var day = ShanghaiNow().DateTime;
        return $"{ISOWeek.GetYear(day)}-W{ISOWeek.GetWeekOfYear(day):D2}";
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex CaseIds();

    [GeneratedRegex("""<section class="inbox-section" id="new".*?</section>""", RegexOptions.Singleline)]
    private static partial Regex NewSection();
}
