using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Referral.Testing;

namespace Referral.Service.Tests.Dashboard;

/// <summary>The statistics over HTTP: who may read them, the JSON summary, the CSV files and refused periods.</summary>
public sealed class StatisticsEndpointTests
{
    private const string Period = "from=2026-03&to=2026-05";
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];
    private ReferralApp _app = null!;
    private HttpClient _supervisor = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = new ReferralApp();
        await _app.StartAsync();
        await StatisticsSeed.StoreAsync(_app);
        _supervisor = await _app.CreateUserClientAsync("supervisor");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _supervisor.Dispose();
        await _app.DisposeAsync();
    }

    [TestCase("dispatcher")]
    [TestCase("handler-fulian")]
    public async Task Dispatchers_and_handlers_are_refused(string userName)
    {
        using var client = await _app.CreateUserClientAsync(userName);

        foreach (var path in new[] { $"/api/statistics/summary?{Period}", $"/api/statistics/monthly.csv?{Period}", "/dashboard" })
        {
            using var response = await client.GetAsync(path);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), path);
        }
    }

    [TestCase("supervisor")]
    [TestCase("coordinator")]
    [TestCase("admin")]
    public async Task The_center_and_its_leaders_read_the_figures(string userName)
    {
        using var client = await _app.CreateUserClientAsync(userName);

        var summary = await client.GetFromJsonAsync<JsonElement>($"/api/statistics/summary?{Period}");

        Assert.That(summary.GetProperty("headline").GetProperty("referred").GetInt32(), Is.EqualTo(6));
        Assert.That(summary.GetProperty("yearOnYear").GetProperty("changePercent").GetDouble(), Is.EqualTo(50.0));
        using var page = await client.GetAsync($"/dashboard?{Period}");
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Nobody_signed_in_gets_no_figures()
    {
        using var anonymous = _app.CreateClient();

        using var response = await anonymous.GetAsync($"/api/statistics/summary?{Period}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task A_chart_downloads_as_CSV_with_a_byte_order_mark_Chinese_headers_and_names()
    {
        using var response = await _supervisor.GetAsync($"/api/statistics/departments.csv?{Period}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo("text/csv; charset=utf-8"));
        Assert.That(response.Content.Headers.ContentDisposition?.FileName, Is.EqualTo("referral-departments-2026-03-2026-05.csv"));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.That(bytes.Take(3), Is.EqualTo(ByteOrderMark), "Excel needs the BOM to read UTF-8");
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Is.EqualTo(new[]
        {
            "部门代码,主办部门,流转,签收,办结,化解,平均签收用时(工作小时),平均办结用时(工作日)",
            "fulian,古塘街道妇联,2,2,2,1,2.5,4.3",
            "sfs,古塘司法所（人民调解委员会）,2,1,1,1,1,4.53",
            ",矛调中心（待分派）,1,0,0,0,n/a,n/a",
            "scjg,古塘市场监管所,1,0,0,0,n/a,n/a",
        }));
    }

    [Test]
    public async Task The_trend_CSV_says_n_a_where_the_year_before_is_empty()
    {
        var lines = await CsvLinesAsync("/api/statistics/trend.csv?from=2025-03&to=2025-05");

        Assert.That(lines, Is.EqualTo(new[]
        {
            "月份,流转,上年同月,上年同月流转,同比增减,同比(%)",
            "2025-03,2,2024-03,0,2,n/a",
            "2025-04,1,2024-04,0,1,n/a",
            "2025-05,1,2024-05,0,1,n/a",
        }));
    }

    [Test]
    public async Task The_headline_CSV_lists_every_figure_with_its_counts()
    {
        var lines = await CsvLinesAsync($"/api/statistics/headline.csv?{Period}");

        Assert.That(lines[0], Is.EqualTo("指标,数值,计数,基数"));
        Assert.That(lines, Does.Contain("日清率(%),44,11,25"));
        Assert.That(lines, Does.Contain("同比(%),50,6,4"));
        Assert.That(lines, Does.Contain("民转刑(起),1,,"));
        Assert.That(lines, Does.Contain("重复纠纷率(%),16.7,1,6"));
    }

    [Test]
    public async Task Every_chart_of_the_dashboard_has_its_CSV()
    {
        foreach (var chart in new[] { "headline", "monthly", "trend", "dispute-types", "departments", "stations", "colors", "outcomes" })
        {
            var lines = await CsvLinesAsync($"/api/statistics/{chart}.csv?{Period}");
            Assert.That(lines, Has.Length.GreaterThan(1), chart);
        }
    }

    [Test]
    public async Task An_unknown_chart_is_not_found()
    {
        using var response = await _supervisor.GetAsync("/api/statistics/nonsense.csv");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("dispute-types"));
    }

    [TestCase("from=2026-13", "from")]
    [TestCase("from=March", "from")]
    [TestCase("from=2026-05&to=2026-03", "to")]
    [TestCase("from=2024-01&to=2026-05", "to")]
    public async Task A_bad_period_is_refused_naming_its_field(string query, string field)
    {
        using var response = await _supervisor.GetAsync($"/api/statistics/summary?{query}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True, problem.ToString());
    }

    [Test]
    public async Task The_dashboard_page_shows_the_figures_of_the_chosen_period()
    {
        // Razor writes text from code as character references (&#x5E74;): read it as a browser would.
        var html = WebUtility.HtmlDecode(await _supervisor.GetStringAsync($"/dashboard?{Period}"));

        Assert.That(html, Does.Contain("2026年3月 至 2026年5月"));
        Assert.That(html, Does.Contain("44.0%"), "日清率");
        Assert.That(html, Does.Contain("同比 +50.0%"));
        Assert.That(html, Does.Contain("红色预警"));
        Assert.That(html, Does.Not.Contain("STAT-0"), "no incident number, let alone a party, on the dashboard");
    }

    private async Task<string[]> CsvLinesAsync(string path)
    {
        var bytes = await _supervisor.GetByteArrayAsync(path);
        Assert.That(bytes.Take(3), Is.EqualTo(ByteOrderMark), path);
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }
}
