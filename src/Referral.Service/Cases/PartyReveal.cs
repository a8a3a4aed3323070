using System.Security.Claims;
using Referral.Data;
using Referral.Data.Identity;
using Referral.Service.Identity;

namespace Referral.Service.Cases;

public enum RevealOutcome
{
    Revealed,
    NotFound,
    Forbidden,
    Invalid,
}

/// <param name="Message">Why it was refused (<see cref="RevealOutcome.Forbidden"/>, <see cref="RevealOutcome.Invalid"/>).</param>
public sealed record RevealResult(RevealOutcome Outcome, RevealedParties? Parties = null, string? Message = null);

/// <summary>
/// The unmasked parties of a case, for the coordinator and the case's departments, after they said
/// why; every reveal leaves an audit row. The API and the case page both come through here.
/// </summary>
public sealed class PartyReveal(CaseAccess access, ReferralDbContext db, TimeProvider time, ILoggerFactory loggers)
{
    public const int MaxReason = 500;
    private readonly ILogger _logger = loggers.CreateLogger("Referral.Service.Cases.Reveal");

    public async Task<RevealResult> RevealAsync(Guid id, ClaimsPrincipal user, string? reason, CancellationToken cancellationToken)
    {
        var c = await access.FindAsync(id, user, tracking: false, cancellationToken);
        if (c is null) return new RevealResult(RevealOutcome.NotFound);
        if (!CaseAccess.MayReveal(c, user))
            return new RevealResult(RevealOutcome.Forbidden,
                Message: "只有矛调中心和办理部门可以查看当事人完整信息 (only the center and the case's departments may see personal data).");
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 2)
            return new RevealResult(RevealOutcome.Invalid, Message: "请说明查看原因 (say why you need to see it)");
        if (reason.Length > MaxReason) return new RevealResult(RevealOutcome.Invalid, Message: "不能超过500个字符 (at most 500 characters)");

        var actor = user.ToActor();
        db.RevealAudits.Add(new RevealAudit { CaseId = id, UserName = actor.Name, Role = actor.Role, Reason = reason.Trim(), At = time.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        _logger.LogInformation("{User} ({Role}) revealed the parties of case {CaseId}", actor.Name, actor.Role, id);
        return new RevealResult(RevealOutcome.Revealed, new RevealedParties(id, c.Address, c.Summary,
            c.Parties.Select(p => new PartyView(p.Name, p.Gender, p.Phone, p.IdNumber, p.Address, p.Role)).ToList()));
    }
}
