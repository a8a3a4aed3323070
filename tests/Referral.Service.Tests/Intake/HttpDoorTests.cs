using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referral.Contracts;
using Referral.Core.Cases;
using Referral.Core.Reference;
using Referral.Service.Reference;
using Referral.Testing;

namespace Referral.Service.Tests.Intake;

/// <summary>POST /api/referrals: who may refer, what it answers, one case per incident however often it comes.</summary>
public sealed class HttpDoorTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
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
    public async Task Referral_without_a_key_or_token_is_refused_with_401()
    {
        using var anonymous = _app.CreateClient();

        using var response = await anonymous.PostAsJsonAsync("/api/referrals", Referrals.Valid());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Referral_with_an_unknown_key_is_refused_with_401()
    {
        using var stranger = _app.CreateStationClient("rk_not-a-key-anyone-was-given");

        using var response = await stranger.PostAsJsonAsync("/api/referrals", Referrals.Valid());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Key_issued_by_an_admin_refers_and_a_key_revoked_before_use_is_refused()
    {
        using var admin = await _app.CreateUserClientAsync("admin");
        var (_, issued) = await IssueKeyAsync(admin, "新接处警系统");
        var (revokedId, revoked) = await IssueKeyAsync(admin, "已停用的系统");
        using var revoke = await admin.PostAsync($"/api/admin/api-keys/{revokedId}/revoke", null);
        using var withIssued = _app.CreateStationClient(issued);
        using var withRevoked = _app.CreateStationClient(revoked);

        using var accepted = await withIssued.PostAsJsonAsync("/api/referrals", Referrals.Valid() with { StationCode = null });
        using var refused = await withRevoked.PostAsJsonAsync("/api/referrals", Referrals.Valid());

        Assert.That(revoke.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stationCode").GetString(), Is.EqualTo("gutang"));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Station_key_fills_in_a_missing_station_code()
    {
        var referral = Referrals.Valid() with { StationCode = null };

        var (status, receipt) = await PostAsync(_station, referral);

        Assert.That(status, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(receipt.GetProperty("stationCode").GetString(), Is.EqualTo("gutang"));
    }

    [Test]
    public async Task Station_key_refuses_the_code_of_another_station()
    {
        await AddStationAsync("hushan", "慈溪市公安局浒山派出所");

        using var response = await _station.PostAsJsonAsync("/api/referrals", Referrals.Valid() with { StationCode = "hushan" });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(ErrorFields(problem), Is.EqualTo(new[] { "stationCode" }));
        Assert.That(problem.GetProperty("errors").GetProperty("stationCode")[0].GetString(), Does.Contain("does not match"));
    }

    [Test]
    public async Task Dispatcher_signed_in_with_a_bearer_token_may_refer()
    {
        using var dispatcher = await _app.CreateUserClientAsync("dispatcher");

        var (status, receipt) = await PostAsync(dispatcher, Referrals.Valid() with { StationCode = null });

        Assert.That(status, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(receipt.GetProperty("stationCode").GetString(), Is.EqualTo("gutang"));
    }

    [Test]
    public async Task Handler_may_not_refer()
    {
        using var handler = await _app.CreateUserClientAsync("handler-fulian");

        using var response = await handler.PostAsJsonAsync("/api/referrals", Referrals.Valid());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task New_incident_answers_201_and_the_same_content_again_answers_200_duplicate_with_the_same_case()
    {
        var referral = Referrals.Valid();

        using var first = await _station.PostAsJsonAsync("/api/referrals", referral);
        var created = await first.Content.ReadFromJsonAsync<JsonElement>();
        var (againStatus, again) = await PostAsync(_station, referral);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(first.Headers.Location?.ToString(), Is.EqualTo($"/api/cases/{created.GetProperty("caseId").GetGuid()}"));
        Assert.That(created.GetProperty("outcome").GetString(), Is.EqualTo("created"));
        Assert.That(againStatus, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(again.GetProperty("outcome").GetString(), Is.EqualTo("duplicate"));
        Assert.That(again.GetProperty("caseId").GetGuid(), Is.EqualTo(created.GetProperty("caseId").GetGuid()));
        Assert.That(await CaseCountAsync(referral.IncidentNumber!), Is.EqualTo(1));
    }

    [Test]
    public async Task Changed_content_answers_200_amended_and_the_timeline_names_the_changed_fields()
    {
        var referral = Referrals.Valid();
        var changed = referral with { Summary = referral.Summary + "次日双方再次发生口角。", Risk = new RiskInfo { PoliceCallsLast30Days = 2 } };

        var (_, created) = await PostAsync(_station, referral);
        var (status, amended) = await PostAsync(_station, changed);
        var (_, resent) = await PostAsync(_station, changed);

        var caseId = created.GetProperty("caseId").GetGuid();
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(amended.GetProperty("outcome").GetString(), Is.EqualTo("amended"));
        Assert.That(amended.GetProperty("caseId").GetGuid(), Is.EqualTo(caseId));
        Assert.That(resent.GetProperty("outcome").GetString(), Is.EqualTo("duplicate"), "the amended content sent once more");
        Assert.That(await CaseCountAsync(referral.IncidentNumber!), Is.EqualTo(1));
        var amendments = await _app.QueryAsync(db => db.Timeline.AsNoTracking()
            .Where(t => t.CaseId == caseId && t.Action == CaseAction.Amend).ToListAsync());
        Assert.That(amendments, Has.Count.EqualTo(1));
        Assert.That(amendments[0].DetailValues()["fields"].Split(','), Is.EquivalentTo(new[] { "summary", "risk" }));
        Assert.That(amendments[0].ActorName, Is.EqualTo("station:gutang"));
    }

    [Test]
    public async Task Twenty_identical_referrals_posted_at_once_make_exactly_one_case()
    {
        var referral = Referrals.Valid(address: Referrals.UniqueAddress());

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => PostAsync(_station, referral)));

        Assert.That(answers.Count(a => a.Status == HttpStatusCode.Created), Is.EqualTo(1));
        Assert.That(answers.Count(a => a.Status == HttpStatusCode.OK), Is.EqualTo(19));
        Assert.That(answers.Select(a => a.Body.GetProperty("caseId").GetGuid()).Distinct().Count(), Is.EqualTo(1));
        Assert.That(answers.Where(a => a.Status == HttpStatusCode.OK).Select(a => a.Body.GetProperty("outcome").GetString()).Distinct(),
            Is.EqualTo(new[] { "duplicate" }));
        Assert.That(await CaseCountAsync(referral.IncidentNumber!), Is.EqualTo(1));
    }

    [TestCase("risk.partiesCount", "\"很多\"")]
    [TestCase("occurredAt", "\"昨天晚上\"")]
    [TestCase("parties[0].phone", "13800000000")]
    [TestCase("parties", "{}")]
    public async Task Value_of_the_wrong_type_is_refused_with_400_naming_its_json_path(string path, string value)
    {
        var body = JsonSerializer.SerializeToNode(Referrals.Valid(), Json)!;
        SetAt(body, path, JsonNode.Parse(value));

        var (status, problem, mediaType) = await PostRawAsync(body.ToJsonString(), "application/json");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(mediaType, Is.EqualTo("application/problem+json"));
        Assert.That(ErrorFields(problem), Is.EqualTo(new[] { path }));
    }

    [TestCase("{\"incidentNumber\": \"T-1\", \"summary\": ")]
    [TestCase("{\"incidentNumber\": \"T-1\",, }")]
    [TestCase("incidentNumber=T-1")]
    [TestCase("")]
    public async Task Body_that_is_not_json_is_refused_with_400_naming_the_body(string text)
    {
        var (status, problem, mediaType) = await PostRawAsync(text, "application/json");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(mediaType, Is.EqualTo("application/problem+json"));
        Assert.That(ErrorFields(problem), Is.EqualTo(new[] { "body" }));
    }

    [TestCase("text/plain")]
    [TestCase("application/x-www-form-urlencoded")]
    public async Task Body_sent_as_another_content_type_is_refused_with_415(string contentType)
    {
        var (status, _, _) = await PostRawAsync(JsonSerializer.Serialize(Referrals.Valid(), Json), contentType);

        Assert.That(status, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
    }

    [TestCase("marriage-family")]
    [TestCase("婚姻家庭")]
    [TestCase("Marriage and family")]
    [TestCase("marriage and FAMILY")]
    public async Task Dispute_type_is_accepted_by_its_code_its_Chinese_name_and_its_English_name(string disputeType)
    {
        var (status, receipt) = await PostAsync(_station, Referrals.Valid(disputeType: disputeType));
        var detail = await _coordinator.GetFromJsonAsync<JsonElement>($"/api/cases/{receipt.GetProperty("caseId").GetGuid()}");

        Assert.That(status, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(detail.GetProperty("disputeType").GetString(), Is.EqualTo("marriage-family"));
        Assert.That(receipt.GetProperty("department").GetProperty("code").GetString(), Is.EqualTo("fulian"));
    }

    [Test]
    public async Task Receipt_tells_which_rule_routed_the_case_and_which_factors_set_its_color()
    {
        var rules = await _coordinator.GetFromJsonAsync<JsonElement>("/api/routing/rules");
        var romanceRule = rules.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "婚姻情感 → 妇联（村社协办）");
        var referral = Referrals.Valid(disputeType: "婚恋情感", address: Referrals.UniqueAddress(),
            risk: new RiskInfo { ThreatsOrWeapons = true, VulnerablePersons = true });

        var (_, receipt) = await PostAsync(_station, referral);

        var routing = receipt.GetProperty("routing");
        Assert.That(routing.GetProperty("ruleId").GetInt64(), Is.EqualTo(romanceRule.GetProperty("id").GetInt64()));
        Assert.That(routing.GetProperty("ruleVersion").GetInt32(), Is.EqualTo(romanceRule.GetProperty("version").GetInt32()));
        Assert.That(routing.GetProperty("explanation").GetString(),
            Does.Contain($"#{romanceRule.GetProperty("id").GetInt64()}").And.Contain("婚姻情感 → 妇联").And.Contain("塘东村"));
        Assert.That(receipt.GetProperty("status").GetString(), Is.EqualTo("Routed"));
        Assert.That(receipt.GetProperty("color").GetString(), Is.EqualTo("red"));
        Assert.That(receipt.GetProperty("department").GetProperty("code").GetString(), Is.EqualTo("fulian"));
        Assert.That(receipt.GetProperty("coHandlers").EnumerateArray().Select(d => d.GetProperty("code").GetString()),
            Is.EqualTo(new[] { "tangdong", "zyz" }));
        var factors = receipt.GetProperty("grading").GetProperty("factors").EnumerateArray()
            .Select(f => (f.GetProperty("code").GetString(), f.GetProperty("color").GetString())).ToList();
        Assert.That(factors, Is.EquivalentTo(new[] { ("threats-or-weapons", "red"), ("vulnerable-persons", "yellow") }));
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient client, IncidentReferred referral)
    {
        using var response = await client.PostAsJsonAsync("/api/referrals", referral);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private async Task<(HttpStatusCode Status, JsonElement Body, string? MediaType)> PostRawAsync(string body, string contentType)
    {
        using var content = new StringContent(body, Encoding.UTF8, contentType);
        using var response = await _station.PostAsync("/api/referrals", content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<(long Id, string Secret)> IssueKeyAsync(HttpClient admin, string name)
    {
        using var response = await admin.PostAsJsonAsync("/api/admin/api-keys", new { stationCode = "gutang", name });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), "issuing a key");
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("key").GetProperty("id").GetInt64(), created.GetProperty("secret").GetString()!);
    }

    private async Task AddStationAsync(string code, string name)
    {
        await _app.QueryAsync(async db =>
        {
            if (!await db.Stations.AnyAsync(s => s.Code == code)) db.Stations.Add(new Station { Code = code, Name = name });
            return await db.SaveChangesAsync();
        });
        await _app.Services.GetRequiredService<ReferenceDataCache>().InvalidateAsync(CancellationToken.None);
    }

    private Task<int> CaseCountAsync(string incidentNumber) =>
        _app.QueryAsync(db => db.Cases.CountAsync(c => c.IncidentNumber == incidentNumber));

    /// <summary>Sets the value at a path like <c>parties[0].phone</c>.</summary>
    private static void SetAt(JsonNode root, string path, JsonNode? value)
    {
        var parts = path.Replace("[", ".", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Split('.');
        var parent = parts[..^1].Aggregate(root, (node, part) => int.TryParse(part, out var i) ? node[i]! : node[part]!);
        parent[parts[^1]] = value;
    }

    private static List<string> ErrorFields(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
}
