using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referral.Core.Cases;
using Referral.Core.Cases.Chain;
using Referral.Data;
using Referral.Testing;

namespace Referral.Service.Tests.Access;

/// <summary>
/// The trajectory (轨迹) is append-only and hash-chained: a row changed or removed behind the
/// service's back is found by <c>GET /api/cases/{id}/timeline/verify</c>, which names the entry;
/// and no API changes or removes an entry.
/// </summary>
public sealed class TimelineTamperTests
{
    private ReferralApp _app = null!;
    private CaseArranger _cases = null!;
    private HttpClient _coordinator = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = new ReferralApp();
        await _app.StartAsync();
        _cases = new CaseArranger(_app);
        _coordinator = await _app.CreateUserClientAsync("coordinator");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _coordinator.Dispose();
        await _app.DisposeAsync();
    }

    [Test]
    public async Task Untouched_case_verifies_intact()
    {
        var id = await WorkedCaseAsync();

        var verdict = await VerifyAsync(id);

        Assert.That(verdict.GetProperty("intact").GetBoolean(), Is.True, verdict.ToString());
        Assert.That(verdict.GetProperty("entries").GetInt32(), Is.EqualTo(await _cases.TimelineCountAsync(id)));
        Assert.That(verdict.GetProperty("firstBrokenSequence").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task Note_changed_in_the_database_breaks_the_chain_at_that_entry()
    {
        var id = await WorkedCaseAsync();

        var rows = await SqlAsync(db => db.Database.ExecuteSqlAsync($"UPDATE Timeline SET Note = {"双方已和解（改）"} WHERE CaseId = {id} AND Sequence = {4}"));

        Assert.That(rows, Is.EqualTo(1), "arrange: one row altered");
        await AssertBrokenAtAsync(id, 4, "entry 4 was altered");
    }

    [Test]
    public async Task Time_changed_in_the_database_breaks_the_chain_at_that_entry()
    {
        var id = await WorkedCaseAsync();
        var at = await _app.QueryAsync(db => db.Timeline.Where(t => t.CaseId == id && t.Sequence == 5).Select(t => t.At).SingleAsync());

        var rows = await SqlAsync(db => db.Database.ExecuteSqlAsync($"UPDATE Timeline SET At = {at.AddHours(-20)} WHERE CaseId = {id} AND Sequence = {5}"));

        Assert.That(rows, Is.EqualTo(1), "arrange: one row altered");
        await AssertBrokenAtAsync(id, 5, "entry 5 was altered");
    }

    [Test]
    public async Task Entry_rewritten_with_a_recomputed_hash_breaks_the_chain_at_the_next_entry()
    {
        var id = await WorkedCaseAsync();
        await SqlAsync(db => db.Database.ExecuteSqlAsync($"UPDATE Timeline SET Note = {"未上门（改）"} WHERE CaseId = {id} AND Sequence = {4}"));
        var altered = await _app.QueryAsync(db => db.Timeline.AsNoTracking().SingleAsync(t => t.CaseId == id && t.Sequence == 4));

        // Even with the chain key (an insider who has it too), the next entry still names the old hash.
        var key = _app.Services.GetRequiredService<ChainKey>();
        await SqlAsync(db => db.Database.ExecuteSqlAsync($"UPDATE Timeline SET Hash = {altered.ComputeHash(key)} WHERE CaseId = {id} AND Sequence = {4}"));

        await AssertBrokenAtAsync(id, 5, "entry 5 does not follow entry 4");
    }

    [TestCase("Color", "Red")]
    [TestCase("Status", "FollowedUp")]
    [TestCase("LeadDepartmentCode", "scjg")]
    [TestCase("Summary", "案情被改写")]
    public async Task Case_row_changed_in_the_database_without_a_step_is_caught(string column, string value)
    {
        var id = await WorkedCaseAsync();
        var count = await _cases.TimelineCountAsync(id);

        var sql = "UPDATE Cases SET " + column + " = {0} WHERE Id = {1}"; // the column comes from the test cases above
        var rows = await SqlAsync(db => db.Database.ExecuteSqlRawAsync(sql, value, id));

        Assert.That(rows, Is.EqualTo(1), "arrange: the case row altered");
        await AssertBrokenAtAsync(id, count, $"the case differs from the state its last entry ({count}) recorded");
    }

    [Test]
    public async Task Last_entry_deleted_from_the_database_is_caught()
    {
        var id = await WorkedCaseAsync();
        var count = await _cases.TimelineCountAsync(id);

        var rows = await SqlAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM Timeline WHERE CaseId = {id} AND Sequence = {count}"));

        Assert.That(rows, Is.EqualTo(1), "arrange: one row deleted");
        var verdict = await VerifyAsync(id);
        Assert.That(verdict.GetProperty("intact").GetBoolean(), Is.False, verdict.ToString());
        Assert.That(verdict.GetProperty("entries").GetInt32(), Is.EqualTo(count - 1));
        Assert.That(verdict.GetProperty("firstBrokenSequence").GetInt32(), Is.EqualTo(count));
        Assert.That(verdict.GetProperty("reason").GetString(), Does.Contain("missing"));
    }

    [Test]
    public async Task Entry_deleted_from_the_middle_is_named()
    {
        var id = await WorkedCaseAsync();

        await SqlAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM Timeline WHERE CaseId = {id} AND Sequence = {3}"));

        await AssertBrokenAtAsync(id, 3, "entry 3 is missing");
    }

    [TestCase("PUT", "/timeline")]
    [TestCase("PATCH", "/timeline")]
    [TestCase("DELETE", "/timeline")]
    [TestCase("POST", "/timeline")]
    [TestCase("PUT", "/timeline/4")]
    [TestCase("PATCH", "/timeline/4")]
    [TestCase("DELETE", "/timeline/4")]
    [TestCase("DELETE", "/timeline/verify")]
    public async Task No_route_edits_or_deletes_an_entry(string method, string suffix)
    {
        var id = await WorkedCaseAsync();
        var count = await _cases.TimelineCountAsync(id);
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/cases/{id}{suffix}")
        {
            Content = JsonContent.Create(new { note = "改写", at = DateTimeOffset.UtcNow }),
        };

        using var response = await _coordinator.SendAsync(request);

        Assert.That(response.StatusCode, Is.AnyOf(HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed));
        Assert.That(await _cases.TimelineCountAsync(id), Is.EqualTo(count));
        Assert.That((await VerifyAsync(id)).GetProperty("intact").GetBoolean(), Is.True);
    }

    [Test]
    public async Task The_API_description_has_no_operation_but_reading_on_the_timeline()
    {
        var document = await _coordinator.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var operations = document.GetProperty("paths").EnumerateObject().Where(p => p.Name.Contains("/timeline", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject().Select(op => $"{op.Name} {p.Name}")).ToList();

        Assert.That(operations, Is.EquivalentTo(new[] { "get /api/cases/{id}/timeline", "get /api/cases/{id}/timeline/verify" }));
    }

    /// <summary>Six entries: refer, grade, route, accept (4), record-progress (5), close (6).</summary>
    private async Task<Guid> WorkedCaseAsync()
    {
        var id = await _cases.InStateAsync(Scope.Own, CaseStatus.InProgress);
        await _cases.ActAsync(id, await _cases.LeadAsync(id), (c, a, now, w) => c.Close(a, CaseOutcome.AgreementReached, "双方签订调解协议", w, now));
        return id;
    }

    private async Task<JsonElement> VerifyAsync(Guid id) =>
        await _coordinator.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/timeline/verify");

    private async Task AssertBrokenAtAsync(Guid id, int sequence, string reason)
    {
        var verdict = await VerifyAsync(id);
        Assert.That(verdict.GetProperty("intact").GetBoolean(), Is.False, verdict.ToString());
        Assert.That(verdict.GetProperty("firstBrokenSequence").GetInt32(), Is.EqualTo(sequence), verdict.ToString());
        Assert.That(verdict.GetProperty("reason").GetString(), Is.EqualTo(reason));
    }

    private async Task<int> SqlAsync(Func<ReferralDbContext, Task<int>> sql)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await sql(scope.ServiceProvider.GetRequiredService<ReferralDbContext>());
    }
}
