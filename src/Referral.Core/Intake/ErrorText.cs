using System.Globalization;

namespace Referral.Core.Intake;

/// <summary>
/// The texts of validation errors in Chinese and English. The current UI culture picks one; with
/// the invariant culture (bus consumers, logs) both are given, Chinese first.
/// </summary>
public static class ErrorText
{
    private static readonly Dictionary<string, (string Zh, string En)> Texts = new()
    {
        ["required"] = ("必填", "is required"),
        ["too-long"] = ("不能超过{0}个字符", "must be at most {0} characters"),
        ["bad-characters"] = ("含有不允许的字符", "contains characters that are not allowed"),
        ["incident-number-format"] = ("只能包含字母、数字和 - _ /", "may contain only letters, digits and - _ /"),
        ["in-future"] = ("不能晚于当前时间", "must not be in the future"),
        ["too-old"] = ("时间过早", "is too far in the past"),
        ["unknown-station"] = ("未知的派出所代码", "is not a known station code"),
        ["station-mismatch"] = ("与 API 密钥绑定的派出所不符", "does not match the station of the API key"),
        ["unknown-dispute-type"] = ("未知的纠纷类型", "is not a known dispute type"),
        ["unknown-area"] = ("未知的村/社区代码", "is not a known village or community code"),
        ["no-parties"] = ("至少需要一名当事人", "must name at least one party"),
        ["too-many-parties"] = ("当事人不能超过{0}名", "must have at most {0} parties"),
        ["bad-phone"] = ("不是有效的大陆手机号码", "is not a valid mainland mobile number"),
        ["bad-id-length"] = ("身份证号码应为18位", "must have 18 characters"),
        ["bad-id-characters"] = ("身份证号码只能是数字，末位可为X", "must be 17 digits and a digit or X"),
        ["bad-id-birthdate"] = ("身份证号码中的出生日期无效", "holds an invalid birth date"),
        ["bad-id-future-birthdate"] = ("身份证号码中的出生日期晚于今天", "holds a birth date in the future"),
        ["bad-id-check"] = ("身份证号码校验位错误", "has a wrong check digit"),
        ["bad-gender"] = ("性别应为 男、女 或 未知", "must be 男 (male), 女 (female) or 未知 (unknown)"),
        ["out-of-range"] = ("应在 {0} 到 {1} 之间", "must be between {0} and {1}"),
        ["malformed"] = ("格式错误", "is malformed"),
    };

    public static string Format(string code, params object[] args)
    {
        var (zh, en) = Texts.TryGetValue(code, out var t) ? t : (code, code);
        zh = string.Format(CultureInfo.InvariantCulture, zh, args);
        en = string.Format(CultureInfo.InvariantCulture, en, args);
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return language switch
        {
            "zh" => zh,
            "en" => en,
            _ => $"{zh} ({en})",
        };
    }
}
