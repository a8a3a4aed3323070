using Referral.Contracts;
using Referral.Core.Cases;
using Referral.Core.Grading;
using Referral.Core.Intake;

namespace Referral.Core.Tests.Support;

/// <summary>Valid referrals to start from; a test changes only what it is about (<c>with</c>).</summary>
internal static class Referrals
{
    /// <summary>The clock of the tests: a Monday morning in Cixi.</summary>
    public static readonly DateTimeOffset Now = new(2025, 3, 10, 9, 0, 0, TimeSpan.FromHours(8));

    public const string ValidId = "330282199901011237";
    public const string ValidIdWithX = "11010519491231002X";

    public static IncidentReferred Incident() => new()
    {
        IncidentNumber = "GT-2025-0001",
        StationCode = "gutang",
        OccurredAt = Now.AddHours(-3),
        Address = "古塘街道五星村12号",
        AreaCode = "wuxing",
        DisputeType = "neighbour",
        Summary = "两户因排水沟堵塞发生争吵。",
        PoliceAction = "现场劝解，双方情绪平稳。",
        OfficerName = "王警官",
        Parties =
        [
            new PartyInfo { Name = "张三", Gender = "男", Phone = "13812341234", IdNumber = ValidId, Role = "申请人" },
            new PartyInfo { Name = "李四", Gender = "女", Role = "被申请人" },
        ],
        Risk = new RiskInfo { PoliceCallsLast30Days = 1 },
    };

    public static IncidentReferred WithParty(PartyInfo party) => Incident() with { Parties = [party] };

    public static ValidReferral Valid(RiskAssessment? risk = null) => new()
    {
        IncidentNumber = "GT-2025-0001",
        StationCode = "gutang",
        OccurredAt = Now.AddHours(-3).ToUniversalTime(),
        Address = "古塘街道五星村12号",
        AreaCode = "wuxing",
        DisputeTypeCode = "neighbour",
        Summary = "两户因排水沟堵塞发生争吵。",
        PoliceAction = "现场劝解，双方情绪平稳。",
        OfficerName = "王警官",
        Parties = [new Party { Name = "张三", Gender = "男", Phone = "13812341234", IdNumber = ValidId }],
        Risk = risk ?? new RiskAssessment(),
    };
}
