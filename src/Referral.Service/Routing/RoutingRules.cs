using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Referral.Contracts;
using Referral.Core.Grading;
using Referral.Core.Routing;
using Referral.Data;
using Referral.Service.Infrastructure;
using Referral.Service.Reference;

namespace Referral.Service.Routing;

/// <summary>
/// The routing rules as data: read, create, change (each change a new version), retire, and the
/// dry run "where would this go and why". Used by the API and the rule editor page alike.
/// </summary>
public sealed class RoutingRules(ReferralDbContext db, ReferenceDataCache reference, GradingPolicy grading, TimeProvider time)
{
    public async Task<List<RuleView>> ListAsync(CancellationToken cancellationToken) =>
        (await db.RoutingRules.AsNoTracking().OrderBy(r => r.IsRetired).ThenBy(r => r.Priority).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken)).Select(RuleView.Of).ToList();

    public async Task<RuleHistory?> GetAsync(long id, CancellationToken cancellationToken)
    {
        var rule = await db.RoutingRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rule is null) return null;
        var versions = await db.RoutingRuleVersions.AsNoTracking().Where(v => v.RuleId == id).OrderByDescending(v => v.Version).ToListAsync(cancellationToken);
        return new RuleHistory(RuleView.Of(rule), versions.Select(RuleView.Of).ToList());
    }

    public async Task<Change<RuleView>> CreateAsync(RuleInput input, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await reference.EnsureFreshAsync(cancellationToken);
        var errors = input.Validate(reference);
        if (errors.Count > 0) return Change<RuleView>.Invalid(errors);
        var rule = new RoutingRule { Name = "", LeadDepartmentCode = "" };
        input.ApplyTo(rule, reference);
        rule.ChangedAt = time.GetUtcNow();
        rule.ChangedBy = user.Identity?.Name ?? "";
        db.RoutingRules.Add(rule);
        await db.SaveChangesAsync(cancellationToken);
        db.RoutingRuleVersions.Add(RoutingRuleVersion.Of(rule));
        await db.SaveChangesAsync(cancellationToken);
        await reference.InvalidateAsync(cancellationToken);
        return Change<RuleView>.Done(RuleView.Of(rule));
    }

    /// <summary>A new version of the rule; <see cref="RuleInput.Version"/> must be the version the person read.</summary>
    public async Task<Change<RuleView>> ChangeAsync(long id, RuleInput input, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await reference.EnsureFreshAsync(cancellationToken);
        var rule = await db.RoutingRules.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rule is null) return Change<RuleView>.Missing();
        var errors = input.Validate(reference);
        if (input.Version is null) errors["version"] = ["必填：修改前读取到的版本号 (the version you read is required)"];
        if (errors.Count > 0) return Change<RuleView>.Invalid(errors);
        if (input.Version != rule.Version) return Stale(rule);
        input.ApplyTo(rule, reference);
        return await SaveVersionAsync(rule, user, cancellationToken);
    }

    public async Task<Change<RuleView>> RetireAsync(long id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var rule = await db.RoutingRules.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rule is null) return Change<RuleView>.Missing();
        if (rule.IsRetired) return Change<RuleView>.Done(RuleView.Of(rule));
        rule.IsRetired = true;
        return await SaveVersionAsync(rule, user, cancellationToken);
    }

    private async Task<Change<RuleView>> SaveVersionAsync(RoutingRule rule, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        rule.Version++;
        rule.ChangedAt = time.GetUtcNow();
        rule.ChangedBy = user.Identity?.Name ?? "";
        db.RoutingRuleVersions.Add(RoutingRuleVersion.Of(rule));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            return Stale(await db.RoutingRules.AsNoTracking().FirstAsync(r => r.Id == rule.Id, cancellationToken));
        }
        await reference.InvalidateAsync(cancellationToken);
        return Change<RuleView>.Done(RuleView.Of(rule));
    }

    private static Change<RuleView> Stale(RoutingRule current) => Change<RuleView>.Conflicting(
        $"规则已被他人修改，当前版本为 v{current.Version} (the rule was changed meanwhile; it is now at version {current.Version}).",
        RuleView.Of(current));

    /// <summary>Where the referral would go, by which rule and why, and its color with the factors; stores nothing.</summary>
    public async Task<Change<ExplainAnswer>> ExplainAsync(IncidentReferred? body, CancellationToken cancellationToken)
    {
        await reference.EnsureFreshAsync(cancellationToken);
        var type = body?.DisputeType is { } t ? reference.FindDisputeType(t) : null;
        if (type is null) return Change<ExplainAnswer>.Invalid("disputeType", body?.DisputeType is null ? "必填 (is required)" : "未知的纠纷类型 (unknown dispute type)");
        var decision = Router.Route(new RoutingFacts(type.Code, body!.AreaCode, body.Address, body.Summary ?? ""), reference.RoutingRules, reference.Areas);
        var area = AreaResolver.Resolve(body.AreaCode, body.Address, reference.Areas);
        GradingResult? graded = body.Risk is { } risk
            ? grading.Grade(new RiskAssessment
            {
                PoliceCallsLast30Days = risk.PoliceCallsLast30Days ?? 0, ThreatsOrWeapons = risk.ThreatsOrWeapons ?? false,
                Violence = risk.Violence ?? false, SelfHarmRisk = risk.SelfHarmRisk ?? false, VulnerablePersons = risk.VulnerablePersons ?? false,
                PartiesCount = risk.PartiesCount ?? 0, AmountAtStakeYuan = risk.AmountAtStakeYuan ?? 0, LeftHome = risk.LeftHome ?? false,
            }, type.Code, recurrence: null)
            : null;
        return Change<ExplainAnswer>.Done(new ExplainAnswer(
            decision.LeadDepartmentCode, decision.LeadDepartmentCode is null ? null : reference.DepartmentName(decision.LeadDepartmentCode),
            decision.CoHandlerCodes, decision.Rule?.Id, decision.Rule?.Version, decision.Rule?.Name,
            area is null ? null : new AreaInfo(area.Area.Code, area.Area.Name, area.How),
            decision.Explanation, decision.Evaluations, graded?.Color.Code(), graded?.Factors ?? []));
    }
}
