using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Referral.Contracts;
using Referral.Core.Cases;
using Referral.Service.Tests.Access;
using Referral.Testing;

namespace Referral.Service.Tests.Privacy;

/// <summary>
/// Parties' personal data is masked in every list, detail and timeline (notes and details); the coordinator and the
/// case's own departments (lead and co-handlers) may see it unmasked, one reason at a time, each
/// reveal audited. Nobody else may, and a refusal writes no audit row.
/// </summary>
public sealed class RevealTests
{
    private static readonly string[] Readers = ["coordinator", "supervisor", "dispatcher", "handler-fulian", "handler-zyz", "handler-tangdong", "station"];
    private ReferralApp _app = null!;
    private readonly Dictionary<string, HttpClient> _clients = [];
    private readonly string _phone = KnownNumbers.Phone();
    private readonly string _otherPhone = KnownNumbers.Phone();
    private readonly string _idNumber = KnownNumbers.IdNumber();
    private IncidentReferred _referral = null!;
    private Guid _id;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = new ReferralApp();
        await _app.StartAsync();
        foreach (var user in new[] { "coordinator", "supervisor", "dispatcher", "admin", "handler-fulian", "handler-zyz", "handler-tangdong", "handler-scjg" })
            _clients[user] = await _app.CreateUserClientAsync(user);
        _clients["station"] = _app.CreateStationClient();
        _referral = CaseArranger.Referral(Scope.Own) with
        {
            Summary = $"张三丰（电话{_phone}，身份证{_idNumber}）与李四因彩礼问题多次争吵，李四称要去张三丰家里闹。",
            Parties =
            [
                new PartyInfo { Name = "张三丰", Gender = "男", Phone = _phone, IdNumber = _idNumber, Address = "慈溪市古塘街道塘东村5组8号", Role = "申请人" },
                new PartyInfo { Name = "李四", Gender = "女", Phone = _otherPhone, Role = "被申请人" },
            ],
        };
        var cases = new CaseArranger(_app);
        _id = await cases.ReferAsync(_referral);
        var lead = CaseArranger.Handler("fulian");
        await cases.ActAsync(_id, lead, (c, a, now, _) => c.Accept(a, $"已签收，联系张三丰 {_phone}", now));
        await cases.ActAsync(_id, lead, (c, a, now, _) => c.RecordProgress(a, ProgressKind.Call, $"电话联系李四（{_otherPhone}）", $"核对张三丰身份证 {_idNumber}", now));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        foreach (var client in _clients.Values) client.Dispose();
        await _app.DisposeAsync();
    }

    [TestCase("coordinator", "Coordinator")]
    [TestCase("handler-fulian", "Handler")]
    [TestCase("handler-zyz", "Handler")]
    [TestCase("handler-tangdong", "Handler")]
    public async Task Center_and_the_cases_departments_see_the_parties_unmasked_with_a_reason_and_each_reveal_is_audited(string user, string role)
    {
        var reason = $"上门调解前核实联系方式 ({user})";

        using var response = await _clients[user].PostAsJsonAsync($"/api/cases/{_id}/reveal", new { reason });
        var revealed = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), revealed.ToString());
        var parties = revealed.GetProperty("parties").EnumerateArray().ToList();
        Assert.That(parties.Select(p => (p.GetProperty("name").GetString(), p.GetProperty("phone").GetString())),
            Is.EqualTo(new[] { ("张三丰", _phone), ("李四", _otherPhone) }));
        Assert.That(parties[0].GetProperty("idNumber").GetString(), Is.EqualTo(_idNumber));
        var audits = await _app.QueryAsync(db => db.RevealAudits.AsNoTracking().Where(a => a.CaseId == _id && a.Reason == reason).ToListAsync());
        Assert.That(audits.Select(a => (a.UserName, a.Role)), Is.EqualTo(new[] { (user, role) }));
        Assert.That(audits[0].At, Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(1)));
    }

    [TestCase("coordinator", "{}")]
    [TestCase("coordinator", """{"reason":""}""")]
    [TestCase("handler-fulian", """{"reason":"   "}""")]
    [TestCase("handler-zyz", """{"reason":null}""")]
    public async Task Reveal_without_a_reason_is_400_naming_it_and_not_audited(string user, string body)
    {
        var audits = await AuditCountAsync();

        using var response = await _clients[user].PostAsync($"/api/cases/{_id}/reveal", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), problem.ToString());
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(e => e.Name), Is.EqualTo(new[] { "reason" }));
        Assert.That(await AuditCountAsync(), Is.EqualTo(audits));
    }

    /// <summary>
    /// 403 where the caller sees the case but may not see inside it (the read-only supervisor, the
    /// referring dispatcher) or may never read cases at all (admin, the station's key: refused before the
    /// case is looked up, so the answer says nothing about it); 404 where the case is outside the
    /// caller's scope (another department), as for a case that does not exist.
    /// </summary>
    [TestCase("supervisor", HttpStatusCode.Forbidden)]
    [TestCase("dispatcher", HttpStatusCode.Forbidden)]
    [TestCase("admin", HttpStatusCode.Forbidden)]
    [TestCase("station", HttpStatusCode.Forbidden)]
    [TestCase("handler-scjg", HttpStatusCode.NotFound)]
    public async Task Others_may_not_reveal_and_are_not_audited(string user, HttpStatusCode expected)
    {
        var audits = await AuditCountAsync();

        using var response = await _clients[user].PostAsJsonAsync($"/api/cases/{_id}/reveal", new { reason = "想看看" });
        var text = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(expected), text);
        Assert.That(text, Does.Not.Contain(_phone).And.Not.Contain(_idNumber).And.Not.Contain("张三丰"));
        Assert.That(await AuditCountAsync(), Is.EqualTo(audits));
    }

    [TestCaseSource(nameof(Readers))]
    public async Task List_detail_and_timeline_show_the_parties_masked(string user)
    {
        var client = _clients[user];

        var list = await client.GetStringAsync($"/api/cases?text={Uri.EscapeDataString(_referral.IncidentNumber!)}");
        var detail = await client.GetStringAsync($"/api/cases/{_id}");
        var timeline = await client.GetStringAsync($"/api/cases/{_id}/timeline");

        using var listed = JsonDocument.Parse(list);
        using var shown = JsonDocument.Parse(detail);
        var item = listed.RootElement.GetProperty("items").EnumerateArray().Single();
        Assert.That(item.GetProperty("parties").EnumerateArray().Select(p => p.GetString()), Is.EqualTo(new[] { "张*", "李*" }));
        var parties = shown.RootElement.GetProperty("parties").EnumerateArray().ToList();
        Assert.That(parties.Select(p => (p.GetProperty("name").GetString(), p.GetProperty("phone").GetString())),
            Is.EqualTo(new[] { ("张*", "138****1234"), ("李*", "138****1234") }));
        Assert.That(parties[0].GetProperty("idNumber").GetString(), Is.EqualTo("330282********1234"));
        Assert.That(parties[0].GetProperty("address").GetString(), Does.EndWith("****").And.Not.Contain("8号"));
        var summary = shown.RootElement.GetProperty("summary").GetString();
        Assert.That(summary, Does.Contain("138****1234").And.Contain("330282********1234").And.Contain("张*"));
        using var trajectory = JsonDocument.Parse(timeline);
        var progress = trajectory.RootElement.EnumerateArray().Single(e => e.GetProperty("action").GetString() == "record-progress");
        Assert.That(progress.GetProperty("note").GetString(), Is.EqualTo("电话联系李*（138****1234）"));
        Assert.That(progress.GetProperty("details").GetProperty("nextStep").GetString(), Is.EqualTo("核对张*身份证 330282********1234"));
        foreach (var (what, text) in new[] { ("list", list), ("detail", detail), ("timeline", timeline) })
        {
            Assert.That(text, Does.Not.Contain(_phone).And.Not.Contain(_otherPhone).And.Not.Contain(_idNumber), what);
            Assert.That(text, Does.Not.Contain("张三丰").And.Not.Contain("李四"), what);
        }
    }

    private Task<int> AuditCountAsync() => _app.QueryAsync(db => db.RevealAudits.CountAsync(a => a.CaseId == _id));
}
