using Microsoft.Extensions.Options;
using MimeKit;
using Referral.Service.Mail;
using Referral.Testing;

namespace Referral.Service.Tests;

/// <summary>Mail goes through a real SMTP server (aiosmtpd) and is read back from its mailbox with MimeKit.</summary>
public sealed class SmtpDeliveryTests
{
    [Test]
    public async Task Mail_sent_through_the_SMTP_server_arrives_with_its_Chinese_subject_and_body()
    {
        TestEnvironment.RequireSmtp();
        var sender = new SmtpMailSender(Options.Create(new MailOptions
        {
            Mode = MailMode.Smtp, Host = TestEnvironment.SmtpHost, Port = TestEnvironment.SmtpPort, Security = SmtpSecurity.None,
        }));
        var marker = Guid.NewGuid().ToString("N");
        var message = new MimeMessage
        {
            Subject = $"【警情通办】日清提醒 {marker}",
            Body = new TextPart("plain") { Text = "今日无待办案件。" },
        };
        message.From.Add(new MailboxAddress("警情通办", "noreply@referral.local"));
        message.To.Add(new MailboxAddress("古塘街道妇联", "fulian@gutang.example"));

        await sender.SendAsync(message, CancellationToken.None);

        var received = await Mailbox.WaitForAsync(m => m.Subject?.Contains(marker, StringComparison.Ordinal) == true, TimeSpan.FromSeconds(60));
        Assert.That(received.Subject, Is.EqualTo(message.Subject));
        Assert.That(received.To.Mailboxes.Single().Address, Is.EqualTo("fulian@gutang.example"));
        Assert.That(received.TextBody?.Trim(), Is.EqualTo("今日无待办案件。"));
    }
}
