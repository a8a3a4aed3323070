namespace Referral.Core.Grading;

/// <summary>三色预警: the three warning colors, ordered so that a higher value is more urgent.</summary>
public enum WarningColor
{
    Green = 0,
    Yellow = 1,
    Red = 2,
}

public static class WarningColorExtensions
{
    /// <summary>One step up (green → yellow → red); red stays red. Colors never drop on their own.</summary>
    public static WarningColor Raise(this WarningColor color) =>
        color == WarningColor.Red ? WarningColor.Red : color + 1;

    public static string ChineseName(this WarningColor color) => color switch
    {
        WarningColor.Red => "红",
        WarningColor.Yellow => "黄",
        _ => "绿",
    };

    public static string Code(this WarningColor color) => color.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out WarningColor color)
    {
        color = WarningColor.Green;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "red" or "红" or "红色": color = WarningColor.Red; return true;
            case "yellow" or "黄" or "黄色": color = WarningColor.Yellow; return true;
            case "green" or "绿" or "绿色": color = WarningColor.Green; return true;
            default: return false;
        }
    }
}
