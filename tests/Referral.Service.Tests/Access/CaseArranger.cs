using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Referral.Contracts;
using Referral.Core.Cases;
using Referral.Core.Reference;
using Referral.Service.Cases;
using Referral.Service.Identity;
using Referral.Service.Intake;
using Referral.Service.Reference;
using Referral.Testing;

namespace Referral.Service.Tests.Access;

/// <summary>Whose case: the demo station's (lead 妇联, co-handlers 塘东村 and volunteers) or another station's (lead 司法所).</summary>
public enum Scope
{
    Own,
    Other,
}

/// <summary>
/// Puts cases in the state a test needs without going through the endpoints under test: referrals
/// straight into the intake, actions straight into <see cref="CaseWorkflow"/> as the person whose
/// turn it is. A second station exists only for these tests.
/// </summary>
public sealed class CaseArranger(ReferralApp app)
{
    public const string OtherStation = "haibin";

    /// <summary>Adds the second station, once per host.</summary>
    public async Task AddOtherStationAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Referral.Data.ReferralDbContext>();
        if (!await db.Stations.AnyAsync(s => s.Code == OtherStation))
        {
            db.Stations.Add(new Station { Code = OtherStation, Name = "慈溪市公安局海滨派出所", Email = "haibin-pcs@haibin.example" });
            await db.SaveChangesAsync();
        }
        await scope.ServiceProvider.GetRequiredService<ReferenceDataCache>().InvalidateAsync(CancellationToken.None);
    }

    /// <summary>A referral of the scope: own = 婚恋情感 at 塘东村 from gutang; other = 合同债务 at 塘西村 from the other station.</summary>
    public static IncidentReferred Referral(Scope scope) => scope == Scope.Own
        ? Referrals.Valid(disputeType: "婚恋情感", address: Referrals.UniqueAddress("塘东村"))
        : Referrals.Valid(disputeType: "合同债务", address: Referrals.UniqueAddress("塘西村")) with { StationCode = OtherStation };

    /// <summary>A referral that no routing rule matches: it waits in triage, no department's yet.</summary>
    public static IncidentReferred TriageReferral(Scope scope) =>
        Referral(scope) with { DisputeType = "其他" };

    public async Task<Guid> ReferAsync(IncidentReferred referral)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var intake = scope.ServiceProvider.GetRequiredService<ReferralIntake>();
        var station = referral.StationCode ?? "gutang";
        var result = await intake.SubmitAsync(referral, new IntakeSource("test", Actor.StationSystem(station)), null, CancellationToken.None);
        Assert.That(result.Outcome, Is.EqualTo(IntakeOutcome.Created), "arrange: the referral becomes a new case");
        return result.Case.Id;
    }

    /// <summary>
    /// A fresh case of the scope in the given state, reached the ordinary way; with a possible link, it and
    /// an earlier referral of its type were referred at the same coarse address (a street of its own in the village).
    /// </summary>
    public async Task<Guid> InStateAsync(Scope scope, CaseStatus status, bool withPossibleLink = false)
    {
        IncidentReferred Fresh() => status == CaseStatus.Triage ? TriageReferral(scope) : Referral(scope);
        var referral = Fresh();
        if (withPossibleLink)
        {
            referral = referral with { Address = $"慈溪市古塘街道{(scope == Scope.Own ? "塘东村" : "塘西村")}{Referrals.UniqueName()}街" };
            await ReferAsync(Fresh() with { Address = referral.Address, OccurredAt = referral.OccurredAt!.Value.AddMinutes(-30) });
        }
        if (status == CaseStatus.Triage)
        {
            var waiting = await ReferAsync(referral);
            await ExpectStatusAsync(waiting, CaseStatus.Triage);
            return waiting;
        }
        var id = await ReferAsync(referral);
        await ExpectStatusAsync(id, CaseStatus.Routed);
        if (status == CaseStatus.Routed) return id;
        var lead = await LeadAsync(id);
        await ActAsync(id, lead, (c, a, now, _) => c.Accept(a, null, now));
        switch (status)
        {
            case CaseStatus.Accepted:
                break;
            case CaseStatus.InProgress:
                await ActAsync(id, lead, (c, a, now, _) => c.RecordProgress(a, ProgressKind.Call, "电话联系双方", null, now));
                break;
            case CaseStatus.OnHold:
                await ActAsync(id, lead, (c, a, now, _) => c.Hold(a, "等待当事人从外地返回", now));
                break;
            case CaseStatus.Closed:
                await ActAsync(id, lead, (c, a, now, w) => c.Close(a, CaseOutcome.ResolvedOtherwise, null, w, now));
                break;
            case CaseStatus.FollowedUp:
                await ActAsync(id, lead, (c, a, now, w) => c.Close(a, CaseOutcome.ResolvedOtherwise, null, w, now));
                await ActAsync(id, lead, (c, a, now, _) => c.RecordFollowUp(a, true, Satisfaction.Satisfied, null, now));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, "not arranged");
        }
        await ExpectStatusAsync(id, status);
        if (withPossibleLink) Assert.That((await LoadAsync(id)).HasOpenPossibleLinks, Is.True, "arrange: the case has a possible link");
        return id;
    }

    /// <summary>Applies an action as the given person through the service's own unit of work.</summary>
    public async Task ActAsync(Guid id, ClaimsPrincipal who, Action<Case, Actor, DateTimeOffset, IWorkingTime> apply)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var workflow = scope.ServiceProvider.GetRequiredService<CaseWorkflow>();
        var workingTime = scope.ServiceProvider.GetRequiredService<IWorkingTime>();
        var result = await workflow.ApplyAsync(id, who, null, (c, a, now) => apply(c, a, now, workingTime), CancellationToken.None);
        Assert.That(result.Outcome, Is.EqualTo(ActionOutcome.Done), "arrange: the preparatory action is applied");
    }

    public Task<Case> LoadAsync(Guid id) =>
        app.QueryAsync(db => db.Cases.AsNoTracking().FirstAsync(c => c.Id == id));

    public Task<int> TimelineCountAsync(Guid id) =>
        app.QueryAsync(db => db.Timeline.CountAsync(t => t.CaseId == id));

    /// <summary>The handler of the case's lead department, as a principal for the workflow.</summary>
    public async Task<ClaimsPrincipal> LeadAsync(Guid id)
    {
        var c = await LoadAsync(id);
        return Handler(c.LeadDepartmentCode ?? throw new InvalidOperationException("the case has no lead department"));
    }

    public static ClaimsPrincipal Coordinator => Person("coordinator", Roles.Coordinator, department: "center");

    public static ClaimsPrincipal Handler(string department) => Person($"handler-{department}", Roles.Handler, department);

    private static ClaimsPrincipal Person(string name, string role, string? department = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(ClaimTypes.Role, role) };
        if (department is not null) claims.Add(new Claim(ReferralClaims.Department, department));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "arranged"));
    }

    private async Task ExpectStatusAsync(Guid id, CaseStatus status) =>
        Assert.That((await LoadAsync(id)).Status, Is.EqualTo(status), $"arrange: the case is {status}");
}
