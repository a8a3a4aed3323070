using System.Globalization;
using Referral.Core.Privacy;

namespace Referral.Service.Tests.Privacy;

/// <summary>
/// Valid phone and ID numbers of a shape the tests can recognise masked: 138****1234 and
/// 330282********1234, with random digits in between so that no two cases of a run share them.
/// </summary>
public static class KnownNumbers
{
    public static string Phone() =>
        "138" + Random.Shared.Next(0, 10_000).ToString("D4", CultureInfo.InvariantCulture) + "1234";

    /// <summary>A Cixi ID number whose last four characters are 1234 (a birth date is picked so that the check digit is 4).</summary>
    public static string IdNumber()
    {
        while (true)
        {
            var birth = new DateOnly(1950, 1, 1).AddDays(Random.Shared.Next(0, 20_000));
            var first17 = "330282" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "123";
            if (IdCardNumber.CheckCharacterOf(first17) == '4') return first17 + "4";
        }
    }

    /// <summary>A number that fails the ID check (wrong check digit), as a station might type it.</summary>
    public static string InvalidIdNumber()
    {
        var valid = IdNumber();
        return valid[..17] + (valid[17] == '5' ? '6' : '5');
    }

    /// <summary>Ten digits: looks like a mobile number, one digit short.</summary>
    public static string InvalidPhone() => "139" + Random.Shared.Next(0, 10_000_000).ToString("D7", CultureInfo.InvariantCulture);
}
