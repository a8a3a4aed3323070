using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Referral.Core.Cases;
using Referral.Service.Cases.Actions;
using Referral.Testing;

namespace Referral.Service.Tests.Access;

/// <summary>
/// Every action a person takes is one descriptor, and every door reads it: a route of the API (whose row
/// in the access matrix <see cref="AuthorizationMatrixTests"/> requires of every route), a form on the
/// case page for exactly the actions the API says the person may take now.
/// </summary>
public sealed partial class ActionCoverageTests
{
    private static readonly string[] People = ["coordinator", "handler-fulian", "handler-zyz"];
    private static readonly CaseStatus[] States =
        [CaseStatus.Triage, CaseStatus.Routed, CaseStatus.Accepted, CaseStatus.InProgress, CaseStatus.OnHold, CaseStatus.Closed, CaseStatus.FollowedUp];

    private ReferralApp _app = null!;
    private CaseArranger _cases = null!;
    private readonly Dictionary<string, HttpClient> _clients = [];

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = new ReferralApp();
        await _app.StartAsync();
        _cases = new CaseArranger(_app);
        foreach (var user in People) _clients[user] = await _app.CreateUserClientAsync(user);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        foreach (var client in _clients.Values) client.Dispose();
        await _app.DisposeAsync();
    }

    [Test]
    public void Every_action_a_person_takes_has_one_descriptor() =>
        Assert.That(CaseActions.All.Select(d => d.Action), Is.EquivalentTo(CaseRules.PersonActions).And.Unique);

    [Test]
    public async Task Every_descriptor_has_its_route_in_the_API_description()
    {
        var document = await _clients["coordinator"].GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var posts = document.GetProperty("paths").EnumerateObject()
            .Where(p => p.Value.TryGetProperty("post", out _)).Select(p => p.Name).ToHashSet();

        Assert.That(CaseActions.All.Select(d => $"/api/cases/{{id}}/{d.Slug}"), Is.SubsetOf(posts));
    }

    [Test]
    public async Task The_case_page_offers_a_form_for_exactly_the_actions_the_API_allows_and_across_the_states_for_every_action()
    {
        var seen = new HashSet<CaseAction>();
        foreach (var state in States)
            await AssertFormsAsync(await _cases.InStateAsync(Scope.Own, state), $"a case {state}", seen);
        await AssertFormsAsync(await WithPossibleLinkAsync(), "a case with an open possible link", seen);
        Assert.That(seen, Is.EquivalentTo(CaseRules.PersonActions));
    }

    private async Task AssertFormsAsync(Guid id, string what, HashSet<CaseAction> seen)
    {
        foreach (var user in People)
        {
            using var api = await _clients[user].GetAsync($"/api/cases/{id}");
            using var html = await _clients[user].GetAsync($"/cases/{id}");
            Assert.That(html.StatusCode, Is.EqualTo(api.StatusCode), $"{user} on {what}: the page answers as the API");
            if (!api.IsSuccessStatusCode) continue;
            var detail = await api.Content.ReadFromJsonAsync<JsonElement>();
            var allowed = detail.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()).ToList();
            var forms = FormId().Matches(await html.Content.ReadAsStringAsync()).Select(m => m.Groups["slug"].Value).ToList();

            Assert.That(forms, Is.EquivalentTo(allowed), $"{user} on {what}");
            seen.UnionWith(forms.Select(f => CaseActions.Find(f)!.Action));
        }
    }

    /// <summary>The second of two referrals of one type in one street: a possible link (可能关联) the coordinator decides.</summary>
    private async Task<Guid> WithPossibleLinkAsync()
    {
        using var station = _app.CreateStationClient();
        var street = $"古塘街道{Referrals.UniqueName()}街";
        var id = Guid.Empty;
        for (var i = 0; i < 2; i++)
        {
            var referral = Referrals.Valid(disputeType: "邻里", address: street) with { OccurredAt = DateTimeOffset.UtcNow.AddHours(-3).AddMinutes(i) };
            using var response = await station.PostAsJsonAsync("/api/referrals", referral);
            id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetGuid();
        }
        return id;
    }

    [GeneratedRegex("""<details class="action" id="action-(?<slug>[a-z-]+)"[ >]""")]
    private static partial Regex FormId();
}
