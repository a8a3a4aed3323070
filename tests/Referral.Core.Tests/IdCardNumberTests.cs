using Referral.Core.Privacy;

namespace Referral.Core.Tests;

public sealed class IdCardNumberTests
{
    [TestCase("330282199901011237")]
    [TestCase("11010519491231002X")]
    [TestCase("11010519491231002x")]
    public void Valid_numbers_pass_the_check_digit(string id) =>
        Assert.That(IdCardNumber.Check(id, out _), Is.EqualTo(IdCardNumber.Problem.None));

    [TestCase("330282199901011234", IdCardNumber.Problem.CheckDigit)]
    [TestCase("33028219990101123", IdCardNumber.Problem.Length)]
    [TestCase("33028219990A011237", IdCardNumber.Problem.Characters)]
    [TestCase("330282199913011230", IdCardNumber.Problem.BirthDate)]
    public void Invalid_numbers_name_their_problem(string id, IdCardNumber.Problem problem) =>
        Assert.That(IdCardNumber.Check(id, out _), Is.EqualTo(problem));
}
