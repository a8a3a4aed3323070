using Referral.Core.Grading;

namespace Referral.Core.Tests;

public sealed class WarningColorTests
{
    [TestCase(WarningColor.Green, WarningColor.Yellow)]
    [TestCase(WarningColor.Yellow, WarningColor.Red)]
    [TestCase(WarningColor.Red, WarningColor.Red)]
    public void Raise_goes_up_one_color_and_red_stays_red(WarningColor from, WarningColor expected) =>
        Assert.That(from.Raise(), Is.EqualTo(expected));

    [Test]
    public void Colors_are_ordered_by_urgency() =>
        Assert.That(new[] { WarningColor.Red, WarningColor.Green, WarningColor.Yellow }.Order(),
            Is.EqualTo(new[] { WarningColor.Green, WarningColor.Yellow, WarningColor.Red }));

    [TestCase(WarningColor.Red, "红", "red")]
    [TestCase(WarningColor.Yellow, "黄", "yellow")]
    [TestCase(WarningColor.Green, "绿", "green")]
    public void Each_color_has_a_Chinese_name_and_a_code(WarningColor color, string chinese, string code)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(color.ChineseName(), Is.EqualTo(chinese));
            Assert.That(color.Code(), Is.EqualTo(code));
        }
    }

    [TestCase("red", WarningColor.Red)]
    [TestCase(" RED ", WarningColor.Red)]
    [TestCase("红", WarningColor.Red)]
    [TestCase("红色", WarningColor.Red)]
    [TestCase("Yellow", WarningColor.Yellow)]
    [TestCase("黄", WarningColor.Yellow)]
    [TestCase("黄色", WarningColor.Yellow)]
    [TestCase("green", WarningColor.Green)]
    [TestCase("绿", WarningColor.Green)]
    [TestCase("绿色", WarningColor.Green)]
    public void Colors_parse_from_codes_and_Chinese_names(string text, WarningColor expected)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(WarningColorExtensions.TryParse(text, out var color), Is.True);
            Assert.That(color, Is.EqualTo(expected));
        }
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("blue")]
    [TestCase("2")]
    [TestCase("橙")]
    public void Other_texts_are_not_colors(string? text) =>
        Assert.That(WarningColorExtensions.TryParse(text, out _), Is.False);

    [Test]
    public void Every_color_code_parses_back_to_the_same_color() =>
        Assert.That(Enum.GetValues<WarningColor>().Select(c => WarningColorExtensions.TryParse(c.Code(), out var back) ? back : (WarningColor?)null),
            Is.EqualTo(Enum.GetValues<WarningColor>().Cast<WarningColor?>()));
}
