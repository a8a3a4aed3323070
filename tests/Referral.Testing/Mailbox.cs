using MimeKit;

namespace Referral.Testing;

/// <summary>Reads the messages the test SMTP server (aiosmtpd's Mailbox handler) stored as files.</summary>
public static class Mailbox
{
    public static IReadOnlyList<MimeMessage> All()
    {
        var folder = Path.Combine(TestEnvironment.SmtpMaildir, "new");
        return Directory.Exists(folder) ? Directory.GetFiles(folder).Select(f => MimeMessage.Load(f)).ToList() : [];
    }

    public static Task<MimeMessage> WaitForAsync(Func<MimeMessage, bool> match, TimeSpan timeout) =>
        Eventually.GetAsync(() => Task.FromResult(All().FirstOrDefault(match)), timeout, "the message in the SMTP mailbox");
}
