using MimeKit;

namespace Referral.Service.Mail;

/// <summary>Delivers one message: to an SMTP server, or as a file in the embedded default.</summary>
public interface IMailSender
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
