using Referral.Contracts;
using Referral.Core.Grading;
using Referral.Core.Intake;
using Referral.Core.Tests.Support;
using static Referral.Core.Tests.Support.Referrals;

namespace Referral.Core.Tests;

public sealed class ReferralValidatorTests
{
    private readonly ReferralValidator _validator = new(new FakeReferenceData());

    private ValidReferral Accept(IncidentReferred input, string? boundStation = null) =>
        _validator.Validate(input, Now, boundStation);

    private IReadOnlyList<ValidationError> Reject(IncidentReferred input, string? boundStation = null) =>
        Assert.Throws<ReferralValidationException>(() => _validator.Validate(input, Now, boundStation))!.Errors;

    /// <summary>Asserts that the referral is refused with exactly one error, on this field with this code.</summary>
    private void AssertSingleError(IncidentReferred input, string field, string code, string? boundStation = null)
    {
        var errors = Reject(input, boundStation);
        Assert.That(errors.Select(e => (e.Field, e.Code)), Is.EqualTo(new[] { (field, code) }));
    }

    private static PartyInfo Party(string? name = "张三", string? gender = null, string? phone = null, string? id = null) =>
        new() { Name = name, Gender = gender, Phone = phone, IdNumber = id };

    // ---- the whole referral

    [Test]
    public void A_complete_referral_is_accepted_with_codes_resolved_and_values_normalised()
    {
        var input = Incident() with
        {
            IncidentNumber = "  GT-2025-0001 ",
            StationCode = " GUTANG ",
            AreaCode = "WUXING",
            DisputeType = "邻里纠纷",
            Summary = "  两户争吵。  ",
        };

        var valid = Accept(input);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(valid.IncidentNumber, Is.EqualTo("GT-2025-0001"));
            Assert.That(valid.StationCode, Is.EqualTo("gutang"));
            Assert.That(valid.AreaCode, Is.EqualTo("wuxing"));
            Assert.That(valid.DisputeTypeCode, Is.EqualTo("neighbour"));
            Assert.That(valid.Summary, Is.EqualTo("两户争吵。"));
            Assert.That(valid.OccurredAt, Is.EqualTo(Now.AddHours(-3)));
            Assert.That(valid.OccurredAt.Offset, Is.EqualTo(TimeSpan.Zero), "stored in UTC");
            Assert.That(valid.OfficerName, Is.EqualTo("王警官"));
            Assert.That(valid.Parties.Select(p => p.Name), Is.EqualTo(new[] { "张三", "李四" }));
            Assert.That(valid.Risk.PoliceCallsLast30Days, Is.EqualTo(1));
        }
    }

    [Test]
    public void All_errors_are_reported_at_once()
    {
        var input = new IncidentReferred
        {
            IncidentNumber = "GT 1",
            StationCode = "nowhere",
            OccurredAt = Now.AddDays(1),
            AreaCode = "atlantis",
            DisputeType = "piracy",
            Parties = [Party(name: null, gender: "x", phone: "0574-63012345", id: "123")],
            Risk = new RiskInfo { PoliceCallsLast30Days = -1 },
        };

        var fields = Reject(input).Select(e => e.Field);

        Assert.That(fields, Is.EquivalentTo(new[]
        {
            "incidentNumber", "stationCode", "occurredAt", "address", "areaCode", "disputeType", "summary", "policeAction",
            "parties[0].name", "parties[0].gender", "parties[0].phone", "parties[0].idNumber", "risk.policeCallsLast30Days",
        }));
    }

    [Test]
    public void The_rejection_groups_messages_by_field_and_never_repeats_the_values_sent()
    {
        var input = WithParty(Party(phone: "0574-63012345", id: "330282199901011234"));

        var exception = Assert.Throws<ReferralValidationException>(() => _validator.Validate(input, Now))!;

        var byField = exception.ByField();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(byField.Keys, Is.EquivalentTo(new[] { "parties[0].phone", "parties[0].idNumber" }));
            Assert.That(byField["parties[0].phone"], Has.Length.EqualTo(1));
            Assert.That(exception.Message, Does.Contain("parties[0].phone"));
            Assert.That(exception.Message, Does.Not.Contain("63012345").And.Not.Contain("330282199901011234"));
        }
    }

    // ---- incidentNumber

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void Missing_incident_number_is_reported_on_incidentNumber(string? number) =>
        AssertSingleError(Incident() with { IncidentNumber = number }, "incidentNumber", "required");

    [TestCase("GT 0001")]
    [TestCase("古塘-0001")]
    [TestCase("GT;0001")]
    [TestCase("GT.0001")]
    public void Incident_number_with_other_characters_is_reported_on_incidentNumber(string number) =>
        AssertSingleError(Incident() with { IncidentNumber = number }, "incidentNumber", "incident-number-format");

    [Test]
    public void Incident_number_may_hold_letters_digits_dash_underscore_and_slash() =>
        Assert.That(Accept(Incident() with { IncidentNumber = "GT-2025/03_10-a" }).IncidentNumber, Is.EqualTo("GT-2025/03_10-a"));

    [Test]
    public void Incident_number_longer_than_the_limit_is_reported_on_incidentNumber()
    {
        Assert.That(Accept(Incident() with { IncidentNumber = new string('7', ReferralLimits.IncidentNumber) }).IncidentNumber,
            Has.Length.EqualTo(ReferralLimits.IncidentNumber));
        AssertSingleError(Incident() with { IncidentNumber = new string('7', ReferralLimits.IncidentNumber + 1) },
            "incidentNumber", "too-long");
    }

    // ---- stationCode

    [Test]
    public void Missing_station_without_a_bound_station_is_reported_on_stationCode() =>
        AssertSingleError(Incident() with { StationCode = null }, "stationCode", "required");

    [TestCase("nowhere")]
    [TestCase("closed")]
    public void Unknown_or_inactive_station_is_reported_on_stationCode(string station) =>
        AssertSingleError(Incident() with { StationCode = station }, "stationCode", "unknown-station");

    [Test]
    public void Station_longer_than_a_code_is_reported_on_stationCode() =>
        AssertSingleError(Incident() with { StationCode = new string('g', ReferralLimits.Code + 1) }, "stationCode", "unknown-station");

    [Test]
    public void Station_other_than_the_bound_station_is_reported_on_stationCode() =>
        AssertSingleError(Incident() with { StationCode = "baisha" }, "stationCode", "station-mismatch", boundStation: "gutang");

    [Test]
    public void Station_equal_to_the_bound_station_in_another_case_is_accepted() =>
        Assert.That(Accept(Incident() with { StationCode = "Gutang" }, boundStation: "GUTANG").StationCode, Is.EqualTo("gutang"));

    [TestCase(null)]
    [TestCase(" ")]
    public void Omitted_station_takes_the_bound_station(string? station) =>
        Assert.That(Accept(Incident() with { StationCode = station }, boundStation: "gutang").StationCode, Is.EqualTo("gutang"));

    // ---- occurredAt

    [Test]
    public void Missing_incident_time_is_reported_on_occurredAt() =>
        AssertSingleError(Incident() with { OccurredAt = null }, "occurredAt", "required");

    [Test]
    public void Incident_time_within_the_clock_skew_tolerance_is_accepted()
    {
        var atTolerance = Now + ReferralLimits.FutureTolerance;
        Assert.That(Accept(Incident() with { OccurredAt = atTolerance }).OccurredAt, Is.EqualTo(atTolerance));
    }

    [Test]
    public void Incident_time_beyond_the_clock_skew_tolerance_is_reported_on_occurredAt() =>
        AssertSingleError(Incident() with { OccurredAt = Now + ReferralLimits.FutureTolerance + TimeSpan.FromSeconds(1) },
            "occurredAt", "in-future");

    [Test]
    public void Incident_time_older_than_the_maximum_age_is_reported_on_occurredAt()
    {
        Assert.That(Accept(Incident() with { OccurredAt = Now - ReferralLimits.MaxAge }).OccurredAt, Is.EqualTo(Now - ReferralLimits.MaxAge));
        AssertSingleError(Incident() with { OccurredAt = Now - ReferralLimits.MaxAge - TimeSpan.FromSeconds(1) },
            "occurredAt", "too-old");
    }

    // ---- address and areaCode

    [TestCase(null)]
    [TestCase("  ")]
    public void Missing_address_is_reported_on_address(string? address) =>
        AssertSingleError(Incident() with { Address = address }, "address", "required");

    [Test]
    public void Address_longer_than_the_limit_is_reported_on_address() =>
        AssertSingleError(Incident() with { Address = new string('路', ReferralLimits.Address + 1) }, "address", "too-long");

    [Test]
    public void Unknown_area_code_is_reported_on_areaCode() =>
        AssertSingleError(Incident() with { AreaCode = "atlantis" }, "areaCode", "unknown-area");

    [Test]
    public void Area_code_may_be_omitted() =>
        Assert.That(Accept(Incident() with { AreaCode = " " }).AreaCode, Is.Null);

    // ---- disputeType

    [TestCase("marriage-family")]
    [TestCase("MARRIAGE-FAMILY")]
    [TestCase("婚姻家庭")]
    [TestCase("Marriage and family")]
    [TestCase("marriage and family")]
    [TestCase(" 婚姻家庭 ")]
    public void Dispute_type_is_found_by_code_Chinese_name_or_English_name(string disputeType) =>
        Assert.That(Accept(Incident() with { DisputeType = disputeType }).DisputeTypeCode, Is.EqualTo("marriage-family"));

    [TestCase("piracy")]
    [TestCase("婚姻")]
    [TestCase("retired-type")]
    public void Unknown_dispute_type_is_reported_on_disputeType(string disputeType) =>
        AssertSingleError(Incident() with { DisputeType = disputeType }, "disputeType", "unknown-dispute-type");

    [Test]
    public void Missing_dispute_type_is_reported_on_disputeType() =>
        AssertSingleError(Incident() with { DisputeType = null }, "disputeType", "required");

    // ---- summary, policeAction, officerName

    [Test]
    public void Missing_summary_is_reported_on_summary() =>
        AssertSingleError(Incident() with { Summary = "" }, "summary", "required");

    [Test]
    public void Missing_police_action_is_reported_on_policeAction() =>
        AssertSingleError(Incident() with { PoliceAction = null }, "policeAction", "required");

    [Test]
    public void Summary_longer_than_the_limit_is_reported_on_summary()
    {
        Assert.That(Accept(Incident() with { Summary = new string('争', ReferralLimits.Summary) }).Summary, Has.Length.EqualTo(ReferralLimits.Summary));
        AssertSingleError(Incident() with { Summary = new string('争', ReferralLimits.Summary + 1) }, "summary", "too-long");
    }

    [Test]
    public void Police_action_longer_than_the_limit_is_reported_on_policeAction() =>
        AssertSingleError(Incident() with { PoliceAction = new string('劝', ReferralLimits.PoliceAction + 1) }, "policeAction", "too-long");

    [Test]
    public void Officer_name_is_optional_but_limited()
    {
        Assert.That(Accept(Incident() with { OfficerName = null }).OfficerName, Is.Null);
        AssertSingleError(Incident() with { OfficerName = new string('王', ReferralLimits.PersonName + 1) }, "officerName", "too-long");
    }

    // ---- characters

    [Test]
    public void Line_breaks_and_tabs_are_allowed_in_summary_and_police_action()
    {
        var valid = Accept(Incident() with { Summary = "第一段。\r\n第二段：\t续。", PoliceAction = "劝解；\n登记。" });

        Assert.That(valid.Summary, Is.EqualTo("第一段。\r\n第二段：\t续。"));
    }

    [TestCase("张\n三")]
    [TestCase("张\t三")]
    [TestCase("张\0三")]
    [TestCase("张\u001b三")]
    [TestCase("张\u202e三")]
    public void Control_and_direction_override_characters_in_a_name_are_reported_on_that_name(string name) =>
        AssertSingleError(WithParty(Party(name: name)), "parties[0].name", "bad-characters");

    [Test]
    public void Line_break_in_the_address_is_reported_on_address() =>
        AssertSingleError(Incident() with { Address = "五星村\n12号" }, "address", "bad-characters");

    [TestCase("\u0007")]
    [TestCase("\u007f")]
    [TestCase("\uffff")]
    public void Control_characters_in_the_summary_are_reported_on_summary(string character) =>
        AssertSingleError(Incident() with { Summary = "争吵" + character + "升级" }, "summary", "bad-characters");

    [Test]
    public void Lone_surrogate_is_reported_on_its_field()
    {
        AssertSingleError(Incident() with { Summary = "争吵\ud800升级" }, "summary", "bad-characters");
        AssertSingleError(WithParty(Party(name: "张\udc00")), "parties[0].name", "bad-characters");
    }

    [Test]
    public void Characters_outside_the_basic_plane_are_accepted_in_names() =>
        Assert.That(Accept(WithParty(Party(name: "𠮷野家"))).Parties[0].Name, Is.EqualTo("𠮷野家"));

    // ---- parties

    [Test]
    public void Referral_without_parties_is_reported_on_parties()
    {
        AssertSingleError(Incident() with { Parties = null }, "parties", "no-parties");
        AssertSingleError(Incident() with { Parties = [] }, "parties", "no-parties");
    }

    [Test]
    public void More_parties_than_the_limit_are_reported_on_parties()
    {
        PartyInfo[] Many(int n) => Enumerable.Range(1, n).Select(i => Party(name: $"当事人{i}")).ToArray();

        Assert.That(Accept(Incident() with { Parties = Many(ReferralLimits.MaxParties) }).Parties, Has.Count.EqualTo(50));
        AssertSingleError(Incident() with { Parties = Many(ReferralLimits.MaxParties + 1) }, "parties", "too-many-parties");
    }

    [Test]
    public void Null_party_is_reported_on_its_index() =>
        AssertSingleError(Incident() with { Parties = [Party(), null!] }, "parties[1]", "required");

    [Test]
    public void Party_without_a_name_is_reported_on_its_name() =>
        AssertSingleError(Incident() with { Parties = [Party(), Party(name: " ")] }, "parties[1].name", "required");

    [Test]
    public void Party_name_longer_than_the_limit_is_reported_on_its_name() =>
        AssertSingleError(WithParty(Party(name: new string('张', ReferralLimits.PersonName + 1))), "parties[0].name", "too-long");

    [Test]
    public void Party_role_defaults_to_party_and_is_limited()
    {
        Assert.That(Accept(WithParty(Party())).Parties[0].Role, Is.EqualTo("当事人"));
        AssertSingleError(WithParty(Party() with { Role = new string('申', ReferralLimits.Role + 1) }), "parties[0].role", "too-long");
    }

    [Test]
    public void Party_address_is_optional_but_limited()
    {
        Assert.That(Accept(WithParty(Party() with { Address = " 五星村3号 " })).Parties[0].Address, Is.EqualTo("五星村3号"));
        AssertSingleError(WithParty(Party() with { Address = new string('路', ReferralLimits.Address + 1) }), "parties[0].address", "too-long");
    }

    // ---- gender

    [TestCase("男", "男")]
    [TestCase("女", "女")]
    [TestCase("未知", "未知")]
    [TestCase("male", "男")]
    [TestCase("Male", "男")]
    [TestCase("M", "男")]
    [TestCase("female", "女")]
    [TestCase("F", "女")]
    [TestCase("f", "女")]
    [TestCase(" 女 ", "女")]
    [TestCase("unknown", "未知")]
    [TestCase("u", "未知")]
    [TestCase(null, "未知")]
    [TestCase("", "未知")]
    public void Gender_is_normalised_to_Chinese(string? gender, string expected) =>
        Assert.That(Accept(WithParty(Party(gender: gender))).Parties[0].Gender, Is.EqualTo(expected));

    [TestCase("x")]
    [TestCase("man")]
    [TestCase("男性")]
    [TestCase("1")]
    public void Unrecognised_gender_is_reported_on_its_party(string gender) =>
        AssertSingleError(Incident() with { Parties = [Party(), Party(gender: gender)] }, "parties[1].gender", "bad-gender");

    // ---- phone

    [TestCase("13812341234")]
    [TestCase("+86 138 1234 1234")]
    [TestCase("+8613812341234")]
    [TestCase("0086 138-1234-1234")]
    [TestCase("86 13812341234")]
    [TestCase("(138) 1234 1234")]
    public void Mobile_number_is_normalised_to_eleven_digits(string phone) =>
        Assert.That(Accept(WithParty(Party(phone: phone))).Parties[0].Phone, Is.EqualTo("13812341234"));

    [TestCase("0574-63012345")]
    [TestCase("63012345")]
    [TestCase("138123412345")]
    [TestCase("1381234123")]
    [TestCase("12812341234")]
    [TestCase("+1 415 555 0100")]
    [TestCase("138abcd1234")]
    [TestCase("138１２３４１２３４")]
    public void Landlines_and_malformed_mobile_numbers_are_reported_on_the_phone(string phone) =>
        AssertSingleError(WithParty(Party(phone: phone)), "parties[0].phone", "bad-phone");

    [Test]
    public void Phone_is_optional() =>
        Assert.That(Accept(WithParty(Party(phone: " "))).Parties[0].Phone, Is.Null);

    // ---- idNumber

    [TestCase(ValidId, ValidId)]
    [TestCase(ValidIdWithX, ValidIdWithX)]
    [TestCase("11010519491231002x", ValidIdWithX)]
    [TestCase(" 330282199901011237 ", ValidId)]
    public void Valid_id_number_is_accepted_with_an_upper_case_check_character(string id, string expected) =>
        Assert.That(Accept(WithParty(Party(id: id))).Parties[0].IdNumber, Is.EqualTo(expected));

    [TestCase("33028219990101123", "bad-id-length")]
    [TestCase("3302821999010112371", "bad-id-length")]
    [TestCase("330282-19990101123", "bad-id-characters")]
    [TestCase("33028219990101123Y", "bad-id-characters")]
    [TestCase("X30282199901011237", "bad-id-characters")]
    [TestCase("330282199902301230", "bad-id-birthdate")]
    [TestCase("330282189912311230", "bad-id-birthdate")]
    [TestCase("330282199901011234", "bad-id-check")]
    [TestCase("330282202503123334", "bad-id-future-birthdate", Description = "born two days after the referral")]
    [TestCase("11010519491231002Y", "bad-id-characters")]
    [TestCase("110105194912310021", "bad-id-check")]
    public void Invalid_id_number_is_reported_on_the_id_number_with_its_problem(string id, string code) =>
        AssertSingleError(WithParty(Party(id: id)), "parties[0].idNumber", code);

    [Test]
    public void Id_number_is_optional() =>
        Assert.That(Accept(WithParty(Party(id: null))).Parties[0].IdNumber, Is.Null);

    // ---- risk

    [Test]
    public void Missing_risk_assessment_means_no_risk_factor() =>
        Assert.That(Accept(Incident() with { Risk = null }).Risk, Is.EqualTo(new RiskAssessment()));

    [Test]
    public void Risk_assessment_is_carried_over()
    {
        var risk = new RiskInfo
        {
            PoliceCallsLast30Days = 2, ThreatsOrWeapons = true, Violence = true, SelfHarmRisk = true, VulnerablePersons = true,
            PartiesCount = 6, AmountAtStakeYuan = 50_000.5m, LeftHome = true,
        };

        Assert.That(Accept(Incident() with { Risk = risk }).Risk, Is.EqualTo(new RiskAssessment
        {
            PoliceCallsLast30Days = 2, ThreatsOrWeapons = true, Violence = true, SelfHarmRisk = true, VulnerablePersons = true,
            PartiesCount = 6, AmountAtStakeYuan = 50_000.5m, LeftHome = true,
        }));
    }

    private static IEnumerable<TestCaseData> OutOfRangeRisks()
    {
        yield return new TestCaseData(new RiskInfo { PoliceCallsLast30Days = -1 }, "risk.policeCallsLast30Days");
        yield return new TestCaseData(new RiskInfo { PoliceCallsLast30Days = ReferralLimits.MaxPoliceCalls + 1 }, "risk.policeCallsLast30Days");
        yield return new TestCaseData(new RiskInfo { PartiesCount = -1 }, "risk.partiesCount");
        yield return new TestCaseData(new RiskInfo { PartiesCount = ReferralLimits.MaxPartiesCount + 1 }, "risk.partiesCount");
        yield return new TestCaseData(new RiskInfo { AmountAtStakeYuan = -0.01m }, "risk.amountAtStakeYuan");
        yield return new TestCaseData(new RiskInfo { AmountAtStakeYuan = ReferralLimits.MaxAmountYuan + 0.01m }, "risk.amountAtStakeYuan");
    }

    [TestCaseSource(nameof(OutOfRangeRisks))]
    public void Risk_value_out_of_range_is_reported_on_its_field(RiskInfo risk, string field) =>
        AssertSingleError(Incident() with { Risk = risk }, field, "out-of-range");

    [Test]
    public void Risk_values_at_their_limits_are_accepted()
    {
        var risk = new RiskInfo
        {
            PoliceCallsLast30Days = ReferralLimits.MaxPoliceCalls,
            PartiesCount = ReferralLimits.MaxPartiesCount,
            AmountAtStakeYuan = ReferralLimits.MaxAmountYuan,
        };

        Assert.That(Accept(Incident() with { Risk = risk }).Risk.AmountAtStakeYuan, Is.EqualTo(ReferralLimits.MaxAmountYuan));
    }

    // ---- messages

    [Test]
    [SetUICulture("zh-CN")]
    public void Messages_are_Chinese_for_a_Chinese_user() =>
        Assert.That(Reject(Incident() with { Summary = null }).Single().Message, Is.EqualTo("必填"));

    [Test]
    [SetUICulture("en-GB")]
    public void Messages_are_English_for_an_English_user() =>
        Assert.That(Reject(Incident() with { Summary = null }).Single().Message, Is.EqualTo("is required"));

    [Test]
    [SetUICulture("")]
    public void Messages_give_both_languages_for_the_invariant_culture_with_their_limits() =>
        Assert.That(Reject(Incident() with { Summary = new string('争', ReferralLimits.Summary + 1) }).Single().Message,
            Is.EqualTo("不能超过4000个字符 (must be at most 4000 characters)"));
}
