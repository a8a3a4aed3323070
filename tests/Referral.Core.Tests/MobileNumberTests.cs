using Referral.Core.Privacy;

namespace Referral.Core.Tests;

public sealed class MobileNumberTests
{
    [TestCase("13812341234")]
    [TestCase(" 13812341234 ")]
    [TestCase("138 1234 1234")]
    [TestCase("138-1234-1234")]
    [TestCase("(138)12341234")]
    [TestCase("+8613812341234")]
    [TestCase("+86 138 1234 1234")]
    [TestCase("+86-138-1234-1234")]
    [TestCase("008613812341234")]
    [TestCase("0086 13812341234")]
    [TestCase("8613812341234")]
    public void Mainland_mobile_numbers_are_normalised_to_eleven_digits(string text) =>
        Assert.That(MobileNumber.Normalize(text), Is.EqualTo("13812341234"));

    [TestCase("13012341234")]
    [TestCase("15912341234")]
    [TestCase("19912341234")]
    public void Every_mobile_prefix_from_13_to_19_is_accepted(string text) =>
        Assert.That(MobileNumber.Normalize(text), Is.EqualTo(text));

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("0574-63012345")]
    [TestCase("057463012345")]
    [TestCase("63012345")]
    [TestCase("138123412345")]
    [TestCase("1381234123")]
    [TestCase("10012341234")]
    [TestCase("12812341234")]
    [TestCase("23812341234")]
    [TestCase("+86")]
    [TestCase("+85213812341234")]
    [TestCase("861381234123")]
    [TestCase("138.1234.1234")]
    [TestCase("138\t1234\t1234")]
    [TestCase("1381234123x")]
    public void Anything_else_is_not_a_mobile_number(string? text) =>
        Assert.That(MobileNumber.Normalize(text), Is.Null);

    [TestCase("138１２３４１２３４", Description = "full-width digits")]
    [TestCase("138١٢٣٤١٢٣٤", Description = "Arabic-Indic digits")]
    public void Digits_other_than_ASCII_are_not_accepted(string text) =>
        Assert.That(MobileNumber.Normalize(text), Is.Null);
}
