using System.Text;
using Referral.Contracts;
using Referral.Dispatch.Referrals;

namespace Referral.Dispatch.Tests;

public sealed class MessageIdTests
{
    private static readonly IncidentReferred Referral = new()
    {
        IncidentNumber = "GT-2025-000123",
        StationCode = "gutang",
        OccurredAt = new DateTimeOffset(2025, 11, 20, 21, 40, 0, TimeSpan.FromHours(8)),
        Address = "慈溪市古塘街道塘东村5组38号",
        DisputeType = "婚姻家庭",
        Summary = "夫妻争吵",
        PoliceAction = "民警劝解",
        Parties = [new PartyInfo { Name = "王丽娟", Phone = "13805741234" }],
    };

    [Test]
    public void Same_referral_gets_the_same_message_id()
    {
        var first = OutgoingReferral.Of(Referral, "gutang");
        var again = OutgoingReferral.Of(Referral with { }, "gutang");

        Assert.That(again.MessageId, Is.EqualTo(first.MessageId));
        Assert.That(again.Body.ToArray(), Is.EqualTo(first.Body.ToArray()));
    }

    [Test]
    public void Changed_content_gets_a_different_message_id()
    {
        var first = OutgoingReferral.Of(Referral, "gutang");
        var changed = OutgoingReferral.Of(Referral with { Summary = "夫妻争吵，已离家" }, "gutang");

        Assert.That(changed.MessageId, Is.Not.EqualTo(first.MessageId));
    }

    [Test]
    public void Station_and_incident_number_are_part_of_the_id()
    {
        var body = Encoding.UTF8.GetBytes("{}");

        var ids = new[]
        {
            MessageIds.For("gutang", "GT-1", body),
            MessageIds.For("gutang", "GT-2", body),
            MessageIds.For("other", "GT-1", body),
            MessageIds.For("gutangGT", "-1", body),
        };

        Assert.That(ids, Is.Unique);
    }

    [Test]
    public void Message_id_is_a_well_formed_version_8_guid()
    {
        var id = OutgoingReferral.Of(Referral, "gutang").MessageId.ToString();

        Assert.That(id, Does.Match("^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
    }

    [Test]
    public void Missing_station_is_filled_in_before_the_id_is_derived()
    {
        var stated = OutgoingReferral.Of(Referral, "elsewhere");
        var filled = OutgoingReferral.Of(Referral with { StationCode = null }, "gutang");

        Assert.That(filled.StationCode, Is.EqualTo("gutang"));
        Assert.That(filled.MessageId, Is.EqualTo(stated.MessageId), "a stated station wins over --station, and both give the same body");
    }
}
