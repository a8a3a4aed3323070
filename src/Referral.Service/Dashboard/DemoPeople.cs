using System.Globalization;
using Referral.Core.Cases;
using Referral.Core.Privacy;

namespace Referral.Service.Dashboard;

/// <summary>
/// Invented parties, places and stories for the demo history: Chinese names, mobile numbers with a
/// carrier's prefix, ID numbers with a valid birth date and check character (GB 11643: weights
/// 7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2, "10X98765432" by sum mod 11). Any likeness to a real person is chance.
/// </summary>
internal sealed class DemoPeople(Random random)
{
    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石岑施应";
    private const string MaleGiven = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林阳建国志海东晨锋成康亮";
    private const string FemaleGiven = "芳娜敏静丽娟艳霞秀燕玲桂英萍红梅琳雪婷慧颖佳欣悦月兰琴洁倩瑶璐蓉丹菲凤";
    private static readonly string[] MobilePrefixes = ["130", "133", "135", "136", "138", "139", "150", "152", "158", "159", "177", "180", "186", "187", "189", "199"];
    private static readonly string[] Regions = ["330282", "330282", "330282", "330281", "330203", "341221", "522121", "511321", "430524"];

    public Party Party(string role, string address, DateOnly today, string? phone = null)
    {
        var male = random.Next(2) == 0;
        var birth = today.AddYears(-85).AddDays(random.Next(365 * 67));
        return new Party
        {
            Name = Name(male),
            Gender = male ? "男" : "女",
            Phone = phone ?? Mobile(),
            IdNumber = IdNumber(birth, male),
            Address = address,
            Role = role,
        };
    }

    /// <summary>An address in a village (组/号) or a community (幢/室) of the street, as an officer writes it.</summary>
    public string Address(string areaName) => areaName.EndsWith('村')
        ? $"慈溪市古塘街道{areaName}{random.Next(1, 13)}组{random.Next(1, 120)}号"
        : $"慈溪市古塘街道{areaName}{random.Next(1, 40)}幢{random.Next(1, 4)}0{random.Next(1, 5)}室";

    public string Mobile() =>
        MobilePrefixes[random.Next(MobilePrefixes.Length)] + random.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);

    private string Name(bool male)
    {
        var given = male ? MaleGiven : FemaleGiven;
        var name = Surnames[random.Next(Surnames.Length)].ToString() + given[random.Next(given.Length)];
        return random.Next(3) == 0 ? name : name + given[random.Next(given.Length)];
    }

    /// <param name="male">The 17th digit is odd for men, even for women.</param>
    private string IdNumber(DateOnly birth, bool male)
    {
        var sequence = random.Next(100) * 10 + random.Next(5) * 2 + (male ? 1 : 0);
        var first17 = Regions[random.Next(Regions.Length)] + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture)
                      + sequence.ToString("D3", CultureInfo.InvariantCulture);
        return first17 + IdCardNumber.CheckCharacterOf(first17);
    }
}
