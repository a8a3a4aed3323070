using Referral.Core.Cases;
using Referral.Core.Privacy;

namespace Referral.Core.Tests;

public sealed class PersonalDataTests
{
    // ---- names

    [TestCase("张三", "张*")]
    [TestCase("张三丰", "张*")]
    [TestCase("欧阳娜娜", "欧*")]
    [TestCase("买买提·艾力", "买*")]
    [TestCase("张", "张*")]
    [TestCase(" 李四 ", "李*")]
    [TestCase("𠮷野", "𠮷*")]
    public void Name_keeps_only_its_first_character_so_its_length_is_hidden(string name, string expected) =>
        Assert.That(PersonalData.MaskName(name), Is.EqualTo(expected));

    [TestCase(null)]
    [TestCase("")]
    [TestCase("  ")]
    public void Missing_values_mask_to_empty(string? value)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(PersonalData.MaskName(value), Is.Empty);
            Assert.That(PersonalData.MaskPhone(value), Is.Empty);
            Assert.That(PersonalData.MaskIdNumber(value), Is.Empty);
            Assert.That(PersonalData.MaskAddress(value), Is.Empty);
        }
    }

    // ---- phone, ID number, address

    [Test]
    public void Phone_keeps_the_first_three_and_last_four_digits() =>
        Assert.That(PersonalData.MaskPhone("13812341234"), Is.EqualTo("138****1234"));

    [Test]
    public void Short_phone_is_hidden_entirely() =>
        Assert.That(PersonalData.MaskPhone("63012345"), Is.EqualTo("********"));

    [TestCase("330282199901011234", "330282********1234")]
    [TestCase("11010519491231002X", "110105********002X")]
    public void Id_number_keeps_the_region_and_the_last_four_characters(string id, string expected) =>
        Assert.That(PersonalData.MaskIdNumber(id), Is.EqualTo(expected));

    [Test]
    public void Short_id_number_is_hidden_entirely() =>
        Assert.That(PersonalData.MaskIdNumber("123456"), Is.EqualTo("******"));

    [Test]
    public void Address_keeps_a_prefix_naming_the_place_and_hides_the_rest()
    {
        var masked = PersonalData.MaskAddress("浙江省慈溪市古塘街道五星村幸福路12号3单元");

        Assert.That(masked, Is.EqualTo("浙江省慈溪市古塘****"));
    }

    [Test]
    public void Short_address_keeps_at_most_half_of_it() =>
        Assert.That(PersonalData.MaskAddress("五星村3号"), Is.EqualTo("五星****"));

    [Test]
    public void Party_shows_masked_values_and_keeps_gender_and_role()
    {
        var party = new Party
        {
            Name = "张三", Gender = "男", Phone = "13812341234", IdNumber = "330282199901011237",
            Address = "古塘街道五星村幸福路12号", Role = "申请人",
        };

        Assert.That(party.Masked(), Is.EqualTo(new MaskedParty("张*", "男", "138****1234", "330282********1237", "古塘街道五星****", "申请人")));
    }

    // ---- free text

    [TestCase("电话13812341234，", "电话138****1234，")]
    [TestCase("13812341234", "138****1234")]
    [TestCase("拨打+8613812341234联系", "拨打138****1234联系")]
    [TestCase("拨打+86 13812341234联系", "拨打138****1234联系")]
    [TestCase("拨打+86-13812341234联系", "拨打138****1234联系")]
    [TestCase("拨打8613812341234联系", "拨打138****1234联系")]
    [TestCase("拨打008613812341234联系", "拨打138****1234联系")]
    [TestCase("电话138 1234 1234。", "电话138****1234。")]
    [TestCase("电话138-1234-1234。", "电话138****1234。")]
    [TestCase("A:13812341234 B:15900001111", "A:138****1234 B:159****1111")]
    public void Text_masks_every_mobile_number(string text, string expected) =>
        Assert.That(PersonalData.MaskText(text), Is.EqualTo(expected));

    [TestCase("身份证330282199901011237。", "身份证330282********1237。")]
    [TestCase("身份证11010519491231002X。", "身份证110105********002X。")]
    [TestCase("身份证11010519491231002x。", "身份证110105********002x。")]
    [TestCase("330282199901011237和11010519491231002X", "330282********1237和110105********002X")]
    public void Text_masks_every_id_number(string text, string expected) =>
        Assert.That(PersonalData.MaskText(text), Is.EqualTo(expected));

    [TestCase("2025年3月10日在五星村12号发生争吵，30日内报警3次，涉及金额50000元。")]
    [TestCase("警情编号 33028220250310000123")]
    [TestCase("座机0574-63012345")]
    [TestCase("编号123456789012")]
    [TestCase("")]
    public void Text_without_personal_numbers_is_left_alone(string text) =>
        Assert.That(PersonalData.MaskText(text), Is.EqualTo(text));

    [Test]
    public void Null_text_masks_to_empty() =>
        Assert.That(PersonalData.MaskText(null), Is.Empty);

    [Test]
    public void Text_masks_the_given_party_names_longer_names_first()
    {
        var masked = PersonalData.MaskText("张三丰与张三、李四发生争执，张三丰报警。", ["张三", "张三丰", "李四"]);

        Assert.That(masked, Is.EqualTo("张*与张*、李*发生争执，张*报警。"));
    }

    [Test]
    public void Text_masks_names_and_numbers_together()
    {
        var masked = PersonalData.MaskText("张三（13812341234，身份证330282199901011237）称李四欠款。", ["张三", "李四"]);

        Assert.That(masked, Is.EqualTo("张*（138****1234，身份证330282********1237）称李*欠款。"));
    }

    [Test]
    public void Text_ignores_missing_and_single_character_names()
    {
        var masked = PersonalData.MaskText("王某与王五在王家门口争吵。", [null, " ", "王", "王五"]);

        Assert.That(masked, Is.EqualTo("王某与王*在王家门口争吵。"));
    }

    // ---- leftovers

    [TestCase("电话13812341234")]
    [TestCase("+8613812341234")]
    [TestCase("138-1234-1234")]
    [TestCase("身份证330282199901011237")]
    [TestCase("身份证11010519491231002x")]
    public void Unmasked_numbers_are_detected(string text) =>
        Assert.That(PersonalData.ContainsUnmaskedNumbers(text), Is.True);

    [TestCase("电话138****1234")]
    [TestCase("身份证330282********1237")]
    [TestCase("报警3次，金额50000元")]
    [TestCase("")]
    public void Masked_or_harmless_text_has_no_unmasked_numbers(string text) =>
        Assert.That(PersonalData.ContainsUnmaskedNumbers(text), Is.False);

    [TestCase("张三 13812341234 +86 15900001111 0086-18600002222 330282199901011237 11010519491231002x")]
    [TestCase("电话：138 1234 1234；备用：+86 159-0000-1111")]
    public void Masked_text_has_no_unmasked_numbers_left(string text) =>
        Assert.That(PersonalData.ContainsUnmaskedNumbers(PersonalData.MaskText(text, ["张三"])), Is.False);
}
