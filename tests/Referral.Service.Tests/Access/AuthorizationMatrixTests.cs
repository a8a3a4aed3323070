using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referral.Core.Cases;
using Referral.Core.Grading;
using Referral.Core.Reference;
using Referral.Core.Routing;
using Referral.Data;
using Referral.Data.Identity;
using Referral.Service.Identity;
using Referral.Testing;

namespace Referral.Service.Tests.Access;

/// <summary>Who calls: the demo users, the station's API key, or nobody.</summary>
public enum Caller
{
    Dispatcher,
    Coordinator,
    /// <summary>handler-fulian: 妇联 leads the own-scope case.</summary>
    LeadHandler,
    /// <summary>handler-zyz: the volunteers co-handle the own-scope case.</summary>
    CoHandler,
    /// <summary>handler-scjg: market supervision has nothing to do with either case.</summary>
    OtherHandler,
    Supervisor,
    Admin,
    Station,
    Anonymous,
}

/// <summary>
/// Every endpoint × every caller × own/other case, against the tables below, which say what each
/// caller must get. They are written from the rules of access (DESIGN.md §2, issue 5), not read from
/// the code: a handler sees the cases its department leads or co-handles, a dispatcher and the
/// station's key their station's referrals, coordinators and supervisors everything; a case out of
/// scope is 404 like a missing one; an action the caller's role may not take on a case they see is
/// 403; a role that never reads cases (admin) is refused 403 by the read endpoints and, as everyone
/// without the case in scope, 404 by the case's actions. Action rows run on a fresh case in a state
/// where the action is allowed, so the answer is about access, not state.
/// </summary>
public sealed partial class AuthorizationMatrixTests
{
    /// <summary>
    /// Own case: the demo station's 婚恋情感 referral at 塘东村 (lead 妇联, co-handlers 塘东村 and the
    /// volunteers). Other case: another station's 合同债务 referral (lead 司法所). A cell is one status for
    /// both, or own/other. In the list, 200+ means the case is listed and 200- that it is not.
    /// </summary>
    private const string CaseTable = """
        #                                         state       dispatcher  coordinator  lead       co         other  supervisor  admin  station    anonymous
        GET   /api/cases                          Routed      200+/200-   200+         200+/200-  200+/200-  200-   200+        403    200+/200-  401
        GET   /api/cases/{id}                     Routed      200/404     200          200/404    200/404    404    200         403    200/404    401
        GET   /api/cases/{id}/timeline            Routed      200/404     200          200/404    200/404    404    200         403    200/404    401
        GET   /api/cases/{id}/timeline/verify     Routed      200/404     200          200/404    200/404    404    200         403    200/404    401
        POST  /api/cases/{id}/reveal              Routed      403/404     200          200/404    200/404    404    403         403    403        401
        POST  /api/cases/{id}/assign              Triage      403/404     200          404        404        404    403         404    403        401
        POST  /api/cases/{id}/accept              Routed      403/404     403          200/404    403/404    404    403         404    403        401
        POST  /api/cases/{id}/reject              Routed      403/404     403          200/404    403/404    404    403         404    403        401
        POST  /api/cases/{id}/record-progress     Accepted    403/404     200          200/404    200/404    404    403         404    403        401
        POST  /api/cases/{id}/request-co-handling Accepted    403/404     200          200/404    403/404    404    403         404    403        401
        POST  /api/cases/{id}/transfer            Accepted    403/404     200          403/404    403/404    404    403         404    403        401
        POST  /api/cases/{id}/change-color        Accepted    403/404     200          403/404    403/404    404    403         404    403        401
        POST  /api/cases/{id}/hold                InProgress  403/404     200          200/404    403/404    404    403         404    403        401
        POST  /api/cases/{id}/resume              OnHold      403/404     200          200/404    403/404    404    403         404    403        401
        POST  /api/cases/{id}/close               InProgress  403/404     200          200/404    403/404    404    403         404    403        401
        POST  /api/cases/{id}/reopen              Closed      403/404     200          200/404    403/404    404    403         404    403        401
        POST  /api/cases/{id}/follow-up           Closed      403/404     200          200/404    403/404    404    403         404    403        401
        POST  /api/cases/{id}/flag-turned-criminal Accepted   403/404     200          403/404    403/404    404    403         404    403        401
        POST  /api/cases/{id}/confirm-link        Routed      403/404     200          403/404    403/404    404    403         404    403        401
        POST  /api/cases/{id}/dismiss-link        Routed      403/404     200          403/404    403/404    404    403         404    403        401
        """;

    /// <summary>Endpoints that are not about one case. The digest preview is a page: nobody signed in is sent to the sign-in page.</summary>
    private const string OtherTable = """
        #                                          dispatcher  coordinator  lead  co   other  supervisor  admin  station  anonymous
        POST  /api/referrals                       201         403          403   403  403    403         403    201      401
        GET   /api/auth/me                         200         200          200   200  200    200         200    403      401
        GET   /api/dispute-types                   200         200          200   200  200    200         200    200      401
        GET   /api/departments                     200         200          200   200  200    200         200    200      401
        GET   /api/areas                           200         200          200   200  200    200         200    200      401
        GET   /api/stations                        200         200          200   200  200    200         200    200      401
        POST  /api/admin/dispute-types             403         403          403   403  403    403         201    403      401
        PUT   /api/admin/dispute-types/{code}      403         403          403   403  403    403         200    403      401
        POST  /api/admin/departments               403         403          403   403  403    403         201    403      401
        PUT   /api/admin/departments/{code}        403         403          403   403  403    403         200    403      401
        POST  /api/admin/areas                     403         403          403   403  403    403         201    403      401
        PUT   /api/admin/areas/{code}              403         403          403   403  403    403         200    403      401
        GET   /api/routing/rules                   403         200          403   403  403    200         200    403      401
        GET   /api/routing/rules/{id}              403         200          403   403  403    200         200    403      401
        POST  /api/routing/rules                   403         201          403   403  403    403         201    403      401
        PUT   /api/routing/rules/{id}              403         200          403   403  403    403         200    403      401
        POST  /api/routing/rules/{id}/retire       403         200          403   403  403    403         200    403      401
        POST  /api/routing/explain                 200         200          200   200  200    200         200    200      401
        GET   /api/admin/api-keys                  403         403          403   403  403    403         200    403      401
        POST  /api/admin/api-keys                  403         403          403   403  403    403         201    403      401
        POST  /api/admin/api-keys/{id}/revoke      403         403          403   403  403    403         200    403      401
        GET   /api/admin/users                     403         403          403   403  403    403         200    403      401
        POST  /api/admin/users                     403         403          403   403  403    403         201    403      401
        POST  /api/admin/users/{id}/lock           403         403          403   403  403    403         200    403      401
        POST  /api/admin/users/{id}/unlock         403         403          403   403  403    403         200    403      401
        POST  /api/admin/users/{id}/reset-password 403         403          403   403  403    403         200    403      401
        GET   /api/admin/digests                   403         403          403   403  403    403         200    403      401
        POST  /api/admin/digests/resend            403         403          403   403  403    403         202    403      401
        GET   /admin/digests/preview               403         403          403   403  403    403         200    403      302
        GET   /api/statistics/summary              403         200          403   403  403    200         200    403      401
        GET   /api/statistics/{chart}.csv          403         200          403   403  403    200         200    403      401
        GET   /api/admin/dead-letters              403         403          403   403  403    403         200    403      401
        POST  /api/admin/dead-letters/{id}/requeue 403         403          403   403  403    403         404    403      401
        """;

    /// <summary>Described in OpenAPI but not a matter of access: anyone may try to sign in.</summary>
    private static readonly string[] NotInTheTables = ["POST /api/auth/login"];

    private static readonly Dictionary<Caller, string> Users = new()
    {
        [Caller.Dispatcher] = "dispatcher",
        [Caller.Coordinator] = "coordinator",
        [Caller.LeadHandler] = "handler-fulian",
        [Caller.CoHandler] = "handler-zyz",
        [Caller.OtherHandler] = "handler-scjg",
        [Caller.Supervisor] = "supervisor",
        [Caller.Admin] = "admin",
    };

    private ReferralApp _app = null!;
    private CaseArranger _cases = null!;
    private readonly Dictionary<Caller, HttpClient> _clients = [];
    private readonly Dictionary<Scope, (Guid Id, string IncidentNumber)> _readable = [];
    private readonly Dictionary<(Scope, CaseStatus, bool), Guid> _shared = [];

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = new ReferralApp();
        await _app.StartAsync();
        _cases = new CaseArranger(_app);
        await _cases.AddOtherStationAsync();
        foreach (var (caller, user) in Users) _clients[caller] = await _app.CreateUserClientAsync(user);
        _clients[Caller.Station] = _app.CreateStationClient();
        _clients[Caller.Anonymous] = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var scope in Enum.GetValues<Scope>())
        {
            var referral = CaseArranger.Referral(scope);
            _readable[scope] = (await _cases.ReferAsync(referral), referral.IncidentNumber!);
        }
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        foreach (var client in _clients.Values) client.Dispose();
        await _app.DisposeAsync();
    }

    public static IEnumerable<TestCaseData> CaseRows() =>
        from line in Lines(CaseTable)
        from caller in Enum.GetValues<Caller>()
        from scope in Enum.GetValues<Scope>()
        let expected = Cell(line.Cells[(int)caller], scope)
        let listed = expected.EndsWith('+') ? " (listed)" : expected.EndsWith('-') ? " (not listed)" : ""
        select new TestCaseData(caller, line.Method, line.Path, Enum.Parse<CaseStatus>(line.First), scope, expected)
            .SetName($"{Name(caller)} {line.Method} {line.Path} on the {scope.ToString().ToLowerInvariant()} case → {expected.TrimEnd('+', '-')}{listed}");

    public static IEnumerable<TestCaseData> OtherRows() =>
        from line in Lines(OtherTable)
        from caller in Enum.GetValues<Caller>()
        let expected = line.Cells[(int)caller]
        select new TestCaseData(caller, line.Method, line.Path, expected)
            .SetName($"{Name(caller)} {line.Method} {line.Path} → {expected}");

    [TestCaseSource(nameof(CaseRows))]
    public async Task Case_endpoint_answers_each_caller_as_the_table_says(Caller caller, string method, string path, CaseStatus state, Scope scope,
        string expected)
    {
        var isAction = method == "POST" && path != "/api/cases/{id}/reveal";
        var succeeds = expected == "200";
        var linked = path.EndsWith("-link", StringComparison.Ordinal);
        var id = !isAction ? _readable[scope].Id : succeeds ? await _cases.InStateAsync(scope, state, linked) : await SharedAsync(scope, state, linked);
        var before = await _cases.LoadAsync(id);
        var url = path == "/api/cases"
            ? $"/api/cases?text={Uri.EscapeDataString(_readable[scope].IncidentNumber)}&pageSize=100"
            : path.Replace("{id}", id.ToString(), StringComparison.Ordinal);

        using var response = await SendAsync(caller, method, url, method == "POST" ? CaseBody(path, before) : null);
        var text = await response.Content.ReadAsStringAsync();
        var changed = isAction && (await _cases.LoadAsync(id)).Version != before.Version;
        if (changed && !succeeds) _shared.Remove((scope, state, linked));

        Assert.That((int)response.StatusCode, Is.EqualTo(int.Parse(expected.TrimEnd('+', '-'), CultureInfo.InvariantCulture)), text);
        if (expected.EndsWith('+') || expected.EndsWith('-'))
        {
            using var list = JsonDocument.Parse(text);
            var ids = list.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
            Assert.That(ids.Contains(id), Is.EqualTo(expected.EndsWith('+')), "listed");
        }
        if (isAction) Assert.That(changed, Is.EqualTo(response.StatusCode == HttpStatusCode.OK), "the case changed");
    }

    /// <summary>
    /// Refused calls change nothing, so they share one case per scope and state (one that was changed
    /// after all is replaced, and its row fails); a call that succeeds gets a fresh case.
    /// </summary>
    private async Task<Guid> SharedAsync(Scope scope, CaseStatus state, bool withPossibleLink)
    {
        if (!_shared.TryGetValue((scope, state, withPossibleLink), out var id))
            _shared[(scope, state, withPossibleLink)] = id = await _cases.InStateAsync(scope, state, withPossibleLink);
        return id;
    }

    [TestCaseSource(nameof(OtherRows))]
    public async Task Other_endpoint_answers_each_caller_as_the_table_says(Caller caller, string method, string path, string expected)
    {
        var url = await UrlOfAsync(path);

        using var response = await SendAsync(caller, method, url, Body(method, path));

        Assert.That((int)response.StatusCode, Is.EqualTo(int.Parse(expected, CultureInfo.InvariantCulture)), await response.Content.ReadAsStringAsync());
        if (response.StatusCode == HttpStatusCode.Redirect)
            Assert.That(response.Headers.Location?.AbsolutePath, Is.EqualTo("/login"));
    }

    /// <summary>Status, media type and body (but for the trace id) are the same, so an answer never tells that a hidden case exists.</summary>
    [TestCase(Caller.OtherHandler, Scope.Own)]
    [TestCase(Caller.Dispatcher, Scope.Other)]
    public async Task Case_out_of_scope_answers_exactly_like_a_case_that_does_not_exist(Caller caller, Scope scope)
    {
        var hidden = await _cases.LoadAsync(_readable[scope].Id);
        var missing = Guid.NewGuid();

        foreach (var line in Lines(CaseTable).Where(l => l.Path != "/api/cases"))
        {
            var body = line.Method == "POST" ? CaseBody(line.Path, hidden) : null;
            var answers = new List<string>();
            foreach (var id in new[] { hidden.Id, missing })
            {
                using var response = await SendAsync(caller, line.Method, line.Path.Replace("{id}", id.ToString(), StringComparison.Ordinal), body);
                var text = TraceId().Replace(await response.Content.ReadAsStringAsync(), "");
                answers.Add($"{(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType} {text.Replace(id.ToString(), "{id}", StringComparison.Ordinal)}");
            }
            Assert.That(answers[0], Is.EqualTo(answers[1]), $"{line.Method} {line.Path}");
        }
        Assert.That((await _cases.LoadAsync(hidden.Id)).Version, Is.EqualTo(hidden.Version), "the hidden case is unchanged");
    }

    [Test]
    public async Task Scope_follows_the_case_a_department_it_is_transferred_away_from_or_that_rejected_it_no_longer_sees_it()
    {
        var transferred = await _cases.InStateAsync(Scope.Own, CaseStatus.Accepted);
        var rejected = await _cases.InStateAsync(Scope.Own, CaseStatus.Routed);
        using var labour = await _app.CreateUserClientAsync("handler-ldjc");

        await _cases.ActAsync(transferred, CaseArranger.Coordinator, (c, a, now, w) => c.Transfer(a, "ldjc", "实为劳动争议", w, now));
        await _cases.ActAsync(rejected, CaseArranger.Handler("fulian"), (c, a, now, _) => c.Reject(a, "不属于本单位职责范围", now));

        Assert.That(await StatusAsync(Caller.LeadHandler, $"/api/cases/{transferred}"), Is.EqualTo(HttpStatusCode.NotFound), "the former lead");
        Assert.That(await StatusAsync(labour, $"/api/cases/{transferred}"), Is.EqualTo(HttpStatusCode.OK), "the new lead");
        Assert.That(await StatusAsync(Caller.CoHandler, $"/api/cases/{transferred}"), Is.EqualTo(HttpStatusCode.OK), "co-handlers stay");
        Assert.That(await StatusAsync(Caller.LeadHandler, $"/api/cases/{rejected}"), Is.EqualTo(HttpStatusCode.NotFound), "the department that rejected it");
        Assert.That(await StatusAsync(Caller.CoHandler, $"/api/cases/{rejected}"), Is.EqualTo(HttpStatusCode.NotFound), "back in triage, nobody's");
        Assert.That(await StatusAsync(Caller.Dispatcher, $"/api/cases/{rejected}"), Is.EqualTo(HttpStatusCode.OK), "still the station's referral");
    }

    [Test]
    public async Task Every_endpoint_of_the_OpenAPI_document_is_in_the_tables()
    {
        var document = await _clients[Caller.Anonymous].GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var described = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(op => $"{op.Name.ToUpperInvariant()} {p.Name}")).ToList();
        var tabled = Lines(CaseTable).Concat(Lines(OtherTable)).Select(l => $"{l.Method} {l.Path}").ToList();

        Assert.That(described, Has.Count.GreaterThan(30), "the document lists the API");
        Assert.That(described.Except(tabled).Except(NotInTheTables), Is.Empty, "endpoints without rows in the access tables");
    }

    private Task<HttpStatusCode> StatusAsync(Caller caller, string url) => StatusAsync(_clients[caller], url);

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return response.StatusCode;
    }

    private async Task<HttpResponseMessage> SendAsync(Caller caller, string method, string url, object? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null) request.Content = JsonContent.Create(body);
        return await _clients[caller].SendAsync(request);
    }

    /// <summary>A valid body for each action, so that only access decides the answer.</summary>
    private static object CaseBody(string path, Case c) => path.Split('/')[^1] switch
    {
        "reveal" => new { reason = "核实当事人联系方式以便上门调解" },
        "assign" => new { leadDepartment = "fulian", coHandlers = new[] { "zyz" }, note = "婚恋纠纷，请妇联主办" },
        "accept" => new { note = "已签收" },
        "reject" => new { reason = "不属于本单位职责范围" },
        "record-progress" => new { kind = "visit", text = "上门走访双方，情绪平稳", nextStep = "周五组织调解" },
        "request-co-handling" => new { department = "ldjc", note = "涉及欠薪，请劳动监察协助" },
        "transfer" => new { department = "ldjc", reason = "实为劳动争议" },
        "change-color" => new { color = c.Color == WarningColor.Red ? "yellow" : "red", reason = "当事人扬言报复" },
        "hold" => new { reason = "等待法院开庭" },
        "resume" => new { note = "法院已判决" },
        "close" => new { outcome = "agreementReached", agreementSummary = "双方达成和解协议" },
        "reopen" => new { reason = "纠纷复发" },
        "follow-up" => new { calm = true, satisfaction = "satisfied", note = "回访双方，未再发生争吵" },
        "flag-turned-criminal" => new { reason = "一方持刀伤人，已刑事立案" },
        "confirm-link" => new { earlierCase = OpenLink(c), note = "同一地点的同一纠纷" },
        "dismiss-link" => new { earlierCase = OpenLink(c), reason = "当事人不同，系另一纠纷" },
        var action => throw new ArgumentOutOfRangeException(nameof(path), action, "no body for this action"),
    };

    /// <summary>The earlier case of the case's open possible link; none (an unknown case) on a case without one.</summary>
    private static Guid OpenLink(Case c) => c.PossibleLinks.FirstOrDefault(l => l.IsOpen)?.EarlierCaseId ?? Guid.Empty;

    private static object? Body(string method, string path) => (method, path) switch
    {
        ("POST", "/api/referrals") => Referrals.Valid(address: Referrals.UniqueAddress()),
        ("POST", "/api/routing/explain") => Referrals.Valid(address: Referrals.UniqueAddress()),
        ("POST", "/api/admin/dispute-types") => new { code = $"t-{Guid.NewGuid():N}"[..14], nameZh = "矩阵测试类型", nameEn = "Matrix test type" },
        ("PUT", "/api/admin/dispute-types/{code}") => new { nameZh = "矩阵测试类型（改）", nameEn = "Matrix test type, renamed" },
        ("POST", "/api/admin/departments") => new { code = $"d-{Guid.NewGuid():N}"[..14], name = "矩阵测试单位", kind = "department" },
        ("PUT", "/api/admin/departments/{code}") => new { name = "矩阵测试单位（改）", kind = "thirdParty", isActive = false },
        ("POST", "/api/admin/areas") => new { code = $"a-{Guid.NewGuid():N}"[..14], name = "矩阵测试村" },
        ("PUT", "/api/admin/areas/{code}") => new { name = "矩阵测试村（改）", aliases = new[] { "矩阵" }, isActive = false },
        ("POST", "/api/admin/users") => new { userName = $"m-{Guid.NewGuid():N}"[..14], displayName = "矩阵测试用户", role = "Supervisor" },
        ("POST", "/api/routing/rules") => Rule(version: null),
        ("PUT", "/api/routing/rules/{id}") => Rule(version: 1),
        ("POST", "/api/admin/api-keys") => new { stationCode = "gutang", name = "矩阵测试密钥" },
        ("POST", "/api/admin/digests/resend") => new { kind = "daily", period = Today(), recipient = "dept:fulian" },
        _ => null,
    };

    /// <summary>Matches only summaries holding its own keyword, so it never routes another test's referral.</summary>
    private static object Rule(int? version) => new
    {
        name = "矩阵测试规则",
        priority = 1,
        disputeTypes = new[] { "消费" },
        keywords = new[] { $"暗号{Guid.NewGuid():N}"[..12] },
        leadDepartment = "sfs",
        version,
    };

    /// <summary>The concrete address of a row, with what it names arranged fresh (a rule, a key, a type of its own).</summary>
    private async Task<string> UrlOfAsync(string path) => path switch
    {
        "/api/admin/dispute-types/{code}" => path.Replace("{code}", await NewDisputeTypeAsync(), StringComparison.Ordinal),
        "/api/admin/departments/{code}" => path.Replace("{code}", await NewDepartmentAsync(), StringComparison.Ordinal),
        "/api/admin/areas/{code}" => path.Replace("{code}", await NewAreaAsync(), StringComparison.Ordinal),
        "/api/admin/users/{id}/lock" or "/api/admin/users/{id}/unlock" or "/api/admin/users/{id}/reset-password" =>
            path.Replace("{id}", await NewUserAsync(), StringComparison.Ordinal),
        "/api/routing/rules/{id}" or "/api/routing/rules/{id}/retire" => path.Replace("{id}", (await NewRuleAsync()).ToString(CultureInfo.InvariantCulture),
            StringComparison.Ordinal),
        "/api/admin/api-keys/{id}/revoke" => path.Replace("{id}", (await NewApiKeyAsync()).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
        "/api/admin/digests" => $"{path}?kind=Daily&period={Today()}",
        "/admin/digests/preview" => $"{path}?kind=Daily&period={Today()}&recipient=dept:fulian",
        "/api/statistics/{chart}.csv" => "/api/statistics/colors.csv",
        // No dead letter has this id: an admin is let through to a 404, everyone else stops at the door.
        "/api/admin/dead-letters/{id}/requeue" => "/api/admin/dead-letters/999999999/requeue",
        _ => path,
    };

    private Task<string> NewDisputeTypeAsync() => ArrangeAsync(async db =>
    {
        var type = new DisputeType { Code = $"m-{Guid.NewGuid():N}"[..14], NameZh = "矩阵测试类型", NameEn = "Matrix test type", SortOrder = 900 };
        db.DisputeTypes.Add(type);
        await db.SaveChangesAsync();
        return type.Code;
    });

    private Task<string> NewDepartmentAsync() => ArrangeAsync(async db =>
    {
        var department = new Department { Code = $"m-{Guid.NewGuid():N}"[..14], Name = "矩阵测试单位", Kind = DepartmentKind.Department };
        db.Departments.Add(department);
        await db.SaveChangesAsync();
        return department.Code;
    });

    private Task<string> NewAreaAsync() => ArrangeAsync(async db =>
    {
        var area = new Area { Code = $"m-{Guid.NewGuid():N}"[..14], Name = "矩阵测试村" };
        db.Areas.Add(area);
        await db.SaveChangesAsync();
        return area.Code;
    });

    /// <summary>A person of their own for each row, so that locking one never locks a caller of the table.</summary>
    private Task<string> NewUserAsync() => ArrangeAsync(async db =>
    {
        var name = $"m-{Guid.NewGuid():N}"[..14];
        var user = new AppUser
        {
            UserName = name, NormalizedUserName = name.ToUpperInvariant(), DisplayName = "矩阵测试用户", SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true,
        };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    });

    private Task<long> NewRuleAsync() => ArrangeAsync(async db =>
    {
        var rule = new RoutingRule
        {
            Name = "矩阵测试规则", Priority = 1, DisputeTypeCodes = ["consumer"], Keywords = [$"暗号{Guid.NewGuid():N}"[..12]],
            LeadDepartmentCode = "sfs", ChangedAt = DateTimeOffset.UtcNow, ChangedBy = "test",
        };
        db.RoutingRules.Add(rule);
        await db.SaveChangesAsync();
        db.RoutingRuleVersions.Add(RoutingRuleVersion.Of(rule));
        await db.SaveChangesAsync();
        return rule.Id;
    });

    private Task<long> NewApiKeyAsync() => ArrangeAsync(async db =>
    {
        var secret = ApiKeyHasher.NewKey();
        var key = new ApiKey
        {
            StationCode = "gutang", Name = "矩阵测试密钥", Prefix = ApiKeyHasher.PrefixOf(secret), Hash = ApiKeyHasher.Hash(secret),
            CreatedAt = DateTimeOffset.UtcNow, CreatedBy = "test",
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync();
        return key.Id;
    });

    private async Task<T> ArrangeAsync<T>(Func<ReferralDbContext, Task<T>> arrange)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await arrange(scope.ServiceProvider.GetRequiredService<ReferralDbContext>());
    }

    private static string Today() =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record Line(string Method, string Path, string First, string[] Cells);

    /// <summary>Rows of a table: method, path, then (for cases) the state, then one cell per caller in <see cref="Caller"/> order.</summary>
    private static IEnumerable<Line> Lines(string table)
    {
        foreach (var raw in table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (raw.StartsWith('#')) continue;
            var t = raw.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var callers = Enum.GetValues<Caller>().Length;
            var cells = t[^callers..];
            yield return new Line(t[0], t[1], t.Length > callers + 2 ? t[2] : "", cells);
        }
    }

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();

    private static string Cell(string cell, Scope scope) =>
        cell.Split('/') is [var own, var other] ? (scope == Scope.Own ? own : other) : cell;

    private static string Name(Caller caller) => caller switch
    {
        Caller.LeadHandler => "handler(lead dept)",
        Caller.CoHandler => "handler(co-handling dept)",
        Caller.OtherHandler => "handler(other dept)",
        Caller.Station => "station API key",
        _ => caller.ToString().ToLowerInvariant(),
    };
}
