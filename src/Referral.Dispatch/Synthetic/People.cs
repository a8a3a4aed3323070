namespace Referral.Dispatch.Synthetic;

/// <summary>Invented people: Chinese names, mainland mobile numbers, ID numbers that pass their check.</summary>
internal static class People
{
    private const string Surnames =
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严戴莫孔汤岑胡施应";

    private const string MaleGiven = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林阳建国志海东晨锋成康亮";
    private const string FemaleGiven = "芳娜敏静丽娟艳霞秀燕玲桂英萍红梅琳雪婷慧颖佳欣悦月兰琴洁倩瑶璐蓉丹菲凤";

    private static readonly string[] MobilePrefixes =
    [
        "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "147", "150", "151", "152", "153", "155", "156",
        "157", "158", "159", "166", "173", "175", "176", "177", "178", "180", "181", "182", "183", "184", "185", "186", "187",
        "188", "189", "191", "193", "195", "198", "199",
    ];

    public static string Name(Random random, bool male)
    {
        var given = male ? MaleGiven : FemaleGiven;
        var name = Surnames[random.Next(Surnames.Length)].ToString() + given[random.Next(given.Length)];
        return random.Next(3) == 0 ? name : name + given[random.Next(given.Length)];
    }

    /// <summary>Eleven digits, <c>1[3-9]\d{9}</c>, with a prefix a carrier actually uses.</summary>
    public static string Mobile(Random random) =>
        MobilePrefixes[random.Next(MobilePrefixes.Length)] + random.NextInt64(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A birth date for an adult between 18 and 85 years old on <paramref name="today"/>.</summary>
    public static DateOnly BirthDate(Random random, DateOnly today)
    {
        var youngest = today.AddYears(-18);
        var oldest = today.AddYears(-85);
        return oldest.AddDays(random.Next(youngest.DayNumber - oldest.DayNumber + 1));
    }
}
