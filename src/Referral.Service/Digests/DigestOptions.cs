namespace Referral.Service.Digests;

public sealed class DigestOptions
{
    public const string Section = "Digests";

    /// <summary>日清: each working day from this local time (Asia/Shanghai), one email per department and a summary for the center.</summary>
    public TimeOnly DailyAt { get; set; } = new(8, 30);

    /// <summary>周结: on the first working day of each week from this local time (Monday unless it is a holiday).</summary>
    public TimeOnly WeeklyAt { get; set; } = new(9, 0);
}
