using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referral.Core.Cases;
using Referral.Core.Grading;
using Referral.Data.Identity;
using Referral.Testing;

namespace Referral.Service.Tests.Access;

/// <summary>
/// The state rules over HTTP: an action the state forbids is 409 naming the state and what may be
/// done now, and changes nothing; of two people acting on the same version, one wins and the other
/// gets 409 with the case as it is now; a missing field is 400 naming it.
/// </summary>
public sealed class ActionStateTests
{
    private const string SecondCoordinator = "coordinator-2";
    private ReferralApp _app = null!;
    private CaseArranger _cases = null!;
    private readonly Dictionary<string, HttpClient> _clients = [];

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = new ReferralApp();
        await _app.StartAsync();
        _cases = new CaseArranger(_app);
        await AddSecondCoordinatorAsync();
        foreach (var (who, user) in new[] { ("coordinator", "coordinator"), ("coordinator-2", SecondCoordinator), ("lead", "handler-fulian"), ("co", "handler-zyz") })
            _clients[who] = await _app.CreateUserClientAsync(user);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        foreach (var client in _clients.Values) client.Dispose();
        await _app.DisposeAsync();
    }

    private static IEnumerable<TestCaseData> ForbiddenInState()
    {
        TestCaseData Row(CaseStatus state, string who, string action, object body, params string[] allowedNow) =>
            new TestCaseData(state, who, action, body, allowedNow).SetName($"{who} {action} while {state} → 409, may {string.Join(", ", allowedNow)}");
        yield return Row(CaseStatus.Routed, "lead", "close", new { outcome = "withdrawn" }, "accept", "reject", "request-co-handling");
        yield return Row(CaseStatus.Accepted, "lead", "resume", new { }, "record-progress", "request-co-handling", "hold", "close", "reject");
        yield return Row(CaseStatus.OnHold, "lead", "hold", new { reason = "再等一周" }, "resume", "record-progress", "close");
        yield return Row(CaseStatus.Closed, "lead", "accept", new { }, "follow-up", "reopen");
        yield return Row(CaseStatus.Closed, "lead", "record-progress", new { kind = "call", text = "电话回访" }, "follow-up", "reopen");
        yield return Row(CaseStatus.InProgress, "co", "follow-up", new { calm = true, satisfaction = "satisfied" }, "record-progress");
        yield return Row(CaseStatus.Triage, "coordinator", "accept", new { }, "assign", "change-color", "close", "flag-turned-criminal");
        yield return Row(CaseStatus.Routed, "coordinator", "reopen", new { reason = "复发" }, "transfer", "change-color", "request-co-handling", "flag-turned-criminal");
        yield return Row(CaseStatus.FollowedUp, "coordinator", "close", new { outcome = "withdrawn" }, "reopen", "flag-turned-criminal");
    }

    [TestCaseSource(nameof(ForbiddenInState))]
    public async Task Action_the_state_forbids_is_409_naming_the_state_and_the_actions_allowed_now_and_changes_nothing(CaseStatus state, string who,
        string action, object body, string[] allowedNow)
    {
        var id = await _cases.InStateAsync(Scope.Own, state);
        var before = await _cases.LoadAsync(id);
        var entries = await _cases.TimelineCountAsync(id);

        using var response = await _clients[who].PostAsJsonAsync($"/api/cases/{id}/{action}", body);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), problem.ToString());
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(problem.GetProperty("caseStatus").GetString(), Is.EqualTo(state.ToString()));
        Assert.That(problem.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()), Is.EquivalentTo(allowedNow));
        await AssertUnchangedAsync(id, before, entries);
    }

    [TestCase(CaseStatus.Triage, "accept", "assign", "change-color", "close", "flag-turned-criminal", "confirm-link", "dismiss-link")]
    [TestCase(CaseStatus.Accepted, "accept", "record-progress", "request-co-handling", "transfer", "change-color", "hold", "close",
        "flag-turned-criminal", "confirm-link", "dismiss-link")]
    public async Task With_a_possible_link_open_the_coordinator_is_told_it_may_confirm_or_dismiss_it(CaseStatus state, string action,
        params string[] allowedNow)
    {
        var id = await _cases.InStateAsync(Scope.Own, state, withPossibleLink: true);

        using var response = await _clients["coordinator"].PostAsJsonAsync($"/api/cases/{id}/{action}", new { });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), problem.ToString());
        Assert.That(problem.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()), Is.EquivalentTo(allowedNow));
    }

    [Test]
    public async Task Two_coordinators_changing_the_color_of_the_same_version_one_wins_and_the_other_gets_409_with_the_winners_case()
    {
        for (var round = 0; round < 3; round++)
        {
            var id = await _cases.InStateAsync(Scope.Own, CaseStatus.Accepted);
            var version = (await _cases.LoadAsync(id)).Version;

            var answers = await Task.WhenAll(
                ActAsync("coordinator", id, "change-color", new { color = "red", reason = "当事人扬言报复", version }),
                ActAsync("coordinator-2", id, "change-color", new { color = "yellow", reason = "涉及老人", version }));

            var (winner, loser) = Split(answers);
            var now = await _cases.LoadAsync(id);
            Assert.That(now.Version, Is.EqualTo(version + 1), "exactly one change was applied");
            Assert.That(winner.Body.GetProperty("color").GetString(), Is.EqualTo(now.Color.Code()));
            AssertFreshStateIn(loser, now);
            Assert.That(await ActionCountAsync(id, CaseAction.ChangeColor), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task Lead_accepting_while_the_center_raises_the_color_on_the_same_version_one_wins_and_the_other_gets_409_with_the_fresh_case()
    {
        for (var round = 0; round < 3; round++)
        {
            var id = await _cases.InStateAsync(Scope.Own, CaseStatus.Routed);
            var version = (await _cases.LoadAsync(id)).Version;

            var answers = await Task.WhenAll(
                ActAsync("lead", id, "accept", new { note = "已签收", version }),
                ActAsync("coordinator", id, "change-color", new { color = "red", reason = "当事人扬言报复", version }));

            var (_, loser) = Split(answers);
            var now = await _cases.LoadAsync(id);
            Assert.That(now.Version, Is.EqualTo(version + 1), "exactly one change was applied");
            AssertFreshStateIn(loser, now);
        }
    }

    [Test]
    public async Task Two_accepts_at_once_without_a_version_make_one_accept_and_the_second_is_refused_with_409()
    {
        var id = await _cases.InStateAsync(Scope.Own, CaseStatus.Routed);

        var answers = await Task.WhenAll(ActAsync("lead", id, "accept", new { }), ActAsync("lead", id, "accept", new { }));

        Assert.That(answers.Select(a => a.Status), Is.EquivalentTo(new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }), string.Join("\n", answers.Select(a => a.Body)));
        Assert.That(await ActionCountAsync(id, CaseAction.Accept), Is.EqualTo(1));
    }

    [Test]
    public async Task Stale_version_is_409_with_the_current_case_and_changes_nothing_while_the_current_version_is_accepted()
    {
        var id = await _cases.InStateAsync(Scope.Own, CaseStatus.Accepted);
        var before = await _cases.LoadAsync(id);
        var entries = await _cases.TimelineCountAsync(id);

        var stale = await ActAsync("coordinator", id, "change-color", new { color = "red", reason = "当事人扬言报复", version = before.Version - 1 });

        Assert.That(stale.Status, Is.EqualTo(HttpStatusCode.Conflict), stale.Body.ToString());
        Assert.That(stale.Body.GetProperty("current").GetProperty("version").GetInt32(), Is.EqualTo(before.Version));
        Assert.That(stale.Body.GetProperty("current").GetProperty("status").GetString(), Is.EqualTo("Accepted"));
        await AssertUnchangedAsync(id, before, entries);
        var current = await ActAsync("coordinator", id, "change-color", new { color = "red", reason = "当事人扬言报复", version = before.Version });
        Assert.That(current.Status, Is.EqualTo(HttpStatusCode.OK), current.Body.ToString());
        Assert.That(current.Body.GetProperty("version").GetInt32(), Is.EqualTo(before.Version + 1));
    }

    private static IEnumerable<TestCaseData> MissingFields()
    {
        TestCaseData Row(CaseStatus state, string who, string action, object? body, string field, string what = "missing") =>
            new TestCaseData(state, who, action, body, field).SetName($"{action} with {field} {what} → 400 naming {field}");
        yield return Row(CaseStatus.Triage, "coordinator", "assign", new { coHandlers = new[] { "zyz" } }, "leadDepartment");
        yield return Row(CaseStatus.Triage, "coordinator", "assign", new { leadDepartment = "nosuch" }, "leadDepartment", "unknown");
        yield return Row(CaseStatus.Triage, "coordinator", "assign", new { leadDepartment = "fulian", coHandlers = new[] { "nosuch" } }, "coHandlers[0]",
            "unknown");
        yield return Row(CaseStatus.Routed, "lead", "reject", new { }, "reason");
        yield return Row(CaseStatus.Routed, "lead", "reject", null, "body");
        yield return Row(CaseStatus.Accepted, "lead", "record-progress", new { text = "电话联系" }, "kind");
        yield return Row(CaseStatus.Accepted, "lead", "record-progress", new { kind = "call" }, "text");
        yield return Row(CaseStatus.Accepted, "lead", "record-progress", new { kind = "telepathy", text = "电话联系" }, "kind", "unknown");
        yield return Row(CaseStatus.Accepted, "lead", "request-co-handling", new { note = "请协助" }, "department");
        yield return Row(CaseStatus.Accepted, "coordinator", "transfer", new { reason = "实为劳动争议" }, "department");
        yield return Row(CaseStatus.Accepted, "coordinator", "transfer", new { department = "ldjc" }, "reason");
        yield return Row(CaseStatus.Accepted, "coordinator", "change-color", new { reason = "当事人扬言报复" }, "color");
        yield return Row(CaseStatus.Accepted, "coordinator", "change-color", new { color = "purple", reason = "当事人扬言报复" }, "color", "unknown");
        yield return Row(CaseStatus.Accepted, "coordinator", "change-color", new { color = "red" }, "reason");
        yield return Row(CaseStatus.Accepted, "lead", "hold", new { }, "reason");
        yield return Row(CaseStatus.InProgress, "lead", "close", new { agreementSummary = "和解" }, "outcome");
        yield return Row(CaseStatus.InProgress, "lead", "close", new { outcome = "agreementReached" }, "agreementSummary");
        yield return Row(CaseStatus.Closed, "lead", "reopen", new { }, "reason");
        yield return Row(CaseStatus.Closed, "lead", "follow-up", new { satisfaction = "satisfied" }, "calm");
        yield return Row(CaseStatus.Closed, "lead", "follow-up", new { calm = true }, "satisfaction");
        yield return Row(CaseStatus.Accepted, "coordinator", "flag-turned-criminal", new { }, "reason");
        yield return Row(CaseStatus.Routed, "coordinator", "confirm-link", new { note = "同一纠纷" }, "earlierCase");
        yield return Row(CaseStatus.Routed, "coordinator", "confirm-link", new { earlierCase = Guid.NewGuid() }, "earlierCase", "without a possible link to it");
        yield return Row(CaseStatus.Routed, "coordinator", "dismiss-link", new { earlierCase = Guid.NewGuid() }, "reason");
        yield return Row(CaseStatus.Routed, "coordinator", "dismiss-link", new { earlierCase = Guid.NewGuid(), reason = "另一纠纷" }, "earlierCase",
            "without a possible link to it");
    }

    [TestCaseSource(nameof(MissingFields))]
    public async Task Action_without_a_required_field_is_400_naming_it_and_changes_nothing(CaseStatus state, string who, string action, object? body,
        string field)
    {
        var id = await _cases.InStateAsync(Scope.Own, state);
        var before = await _cases.LoadAsync(id);
        var entries = await _cases.TimelineCountAsync(id);

        using var response = body is null
            ? await _clients[who].PostAsync($"/api/cases/{id}/{action}", null)
            : await _clients[who].PostAsJsonAsync($"/api/cases/{id}/{action}", body);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), problem.ToString());
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(e => e.Name), Is.EqualTo(new[] { field }), problem.ToString());
        await AssertUnchangedAsync(id, before, entries);
    }

    private sealed record Answer(HttpStatusCode Status, JsonElement Body);

    private async Task<Answer> ActAsync(string who, Guid id, string action, object body)
    {
        using var response = await _clients[who].PostAsJsonAsync($"/api/cases/{id}/{action}", body);
        return new Answer(response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private static (Answer Winner, Answer Loser) Split(Answer[] answers)
    {
        Assert.That(answers.Select(a => a.Status), Is.EquivalentTo(new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }),
            string.Join("\n", answers.Select(a => a.Body)));
        return (answers.Single(a => a.Status == HttpStatusCode.OK), answers.Single(a => a.Status == HttpStatusCode.Conflict));
    }

    private static void AssertFreshStateIn(Answer loser, Case now)
    {
        Assert.That(loser.Body.TryGetProperty("current", out var current) && current.ValueKind == JsonValueKind.Object, Is.True,
            $"the loser is shown the case as it is now: {loser.Body}");
        Assert.That(current.GetProperty("version").GetInt32(), Is.EqualTo(now.Version));
        Assert.That(current.GetProperty("status").GetString(), Is.EqualTo(now.Status.ToString()));
        Assert.That(current.GetProperty("color").GetString(), Is.EqualTo(now.Color.Code()));
    }

    private async Task AssertUnchangedAsync(Guid id, Case before, int entries)
    {
        var after = await _cases.LoadAsync(id);
        Assert.That((after.Version, after.Status, after.Color), Is.EqualTo((before.Version, before.Status, before.Color)), "the case is unchanged");
        Assert.That(await _cases.TimelineCountAsync(id), Is.EqualTo(entries), "no timeline entry was added");
    }

    private Task<int> ActionCountAsync(Guid id, CaseAction action) =>
        _app.QueryAsync(db => db.Timeline.CountAsync(t => t.CaseId == id && t.Action == action));

    private async Task AddSecondCoordinatorAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = SecondCoordinator, DisplayName = "矛调中心 协调员二", DepartmentCode = "center" };
        var created = await users.CreateAsync(user, Clients.DemoPassword);
        Assert.That(created.Succeeded, Is.True, string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, Roles.Coordinator);
    }
}
