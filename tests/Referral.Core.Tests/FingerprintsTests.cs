using System.Text;
using Referral.Core.Privacy;

namespace Referral.Core.Tests;

public sealed class FingerprintsTests
{
    private readonly Fingerprints _prints = new(Encoding.UTF8.GetBytes("test-key-of-at-least-32-bytes!!!"));

    [Test]
    public void The_same_value_and_key_give_the_same_fingerprint()
    {
        var again = new Fingerprints(Encoding.UTF8.GetBytes("test-key-of-at-least-32-bytes!!!"));

        Assert.That(again.Of(FingerprintKind.Phone, "13812341234"), Is.EqualTo(_prints.Of(FingerprintKind.Phone, "13812341234")));
    }

    [Test]
    public void The_fingerprint_does_not_contain_the_value()
    {
        var print = _prints.Of(FingerprintKind.Phone, "13812341234");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(print, Does.Not.Contain("13812341234"));
            Assert.That(print, Has.Length.EqualTo(64));
        }
    }

    [Test]
    public void Other_values_kinds_or_keys_give_other_fingerprints()
    {
        var print = _prints.Of(FingerprintKind.Phone, "13812341234");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_prints.Of(FingerprintKind.Phone, "13812341235"), Is.Not.EqualTo(print));
            Assert.That(_prints.Of(FingerprintKind.IdNumber, "13812341234"), Is.Not.EqualTo(print));
            Assert.That(new Fingerprints(Encoding.UTF8.GetBytes("another-key")).Of(FingerprintKind.Phone, "13812341234"), Is.Not.EqualTo(print));
        }
    }
}
