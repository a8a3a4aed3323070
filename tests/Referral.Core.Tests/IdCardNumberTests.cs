using Referral.Core.Privacy;

namespace Referral.Core.Tests;

public sealed class IdCardNumberTests
{
    private static readonly DateOnly Today = new(2025, 3, 10);

    [TestCase("330282199901011237")]
    [TestCase("11010519491231002X")]
    [TestCase("11010519491231002x")]
    [TestCase("330282200002291234", Description = "29 February of a leap year")]
    [TestCase("330282190001011230", Description = "born in 1900")]
    public void Valid_numbers_pass_the_check_digit(string id) =>
        Assert.That(IdCardNumber.Check(id, Today, out _), Is.EqualTo(IdCardNumber.Problem.None));

    [TestCase("330282199901011234", IdCardNumber.Problem.CheckDigit)]
    [TestCase("33028219990101123", IdCardNumber.Problem.Length)]
    [TestCase("33028219990A011237", IdCardNumber.Problem.Characters)]
    [TestCase("330282199913011230", IdCardNumber.Problem.BirthDate)]
    [TestCase("330282190002291238", IdCardNumber.Problem.BirthDate)]
    [TestCase("330282189912311230", IdCardNumber.Problem.BirthDate)]
    [TestCase("33028219990101123７", IdCardNumber.Problem.Characters)]
    [TestCase("330282202503113339", IdCardNumber.Problem.BirthInFuture, Description = "born tomorrow")]
    [TestCase("330282209901011233", IdCardNumber.Problem.BirthInFuture)]
    [TestCase("", IdCardNumber.Problem.Length)]
    public void Invalid_numbers_name_their_problem(string id, IdCardNumber.Problem problem) =>
        Assert.That(IdCardNumber.Check(id, Today, out _), Is.EqualTo(problem));

    [Test]
    public void Born_today_is_valid() =>
        Assert.That(IdCardNumber.Check(WithCheckCharacter("33028220250310333"), Today, out _), Is.EqualTo(IdCardNumber.Problem.None));

    [TestCase("2025-03-10T09:59:59Z", "2025-03-10")]
    [TestCase("2025-03-10T10:00:00Z", "2025-03-11")]
    [TestCase("2025-03-10T23:30:00+08:00", "2025-03-11", Description = "late evening in Shanghai: tomorrow already began east of it")]
    public void The_latest_date_is_the_one_at_UTC_plus_14(string now, string expected) =>
        Assert.That(IdCardNumber.LatestDate(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)),
            Is.EqualTo(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));

    [Test]
    public void Check_trims_and_upper_cases_the_check_character()
    {
        IdCardNumber.Check(" 11010519491231002x ", Today, out var normalized);

        Assert.That(normalized, Is.EqualTo("11010519491231002X"));
    }

    [TestCase("33028219990101123", '7')]
    [TestCase("11010519491231002", 'X')]
    [TestCase("33028220000229123", '4')]
    public void Check_character_follows_ISO_7064_MOD_11_2(string first17, char expected) =>
        Assert.That(IdCardNumber.CheckCharacterOf(first17), Is.EqualTo(expected));

    private static string WithCheckCharacter(string first17) => first17 + IdCardNumber.CheckCharacterOf(first17);
}
