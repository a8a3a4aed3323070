using Microsoft.Extensions.Options;
using MimeKit;

namespace Referral.Service.Mail;

/// <summary>Writes each message as an .eml file, atomically (a reader never sees half a message).</summary>
public sealed class PickupDirectoryMailSender(IOptions<MailOptions> options) : IMailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(options.Value.PickupDirectory, Directory.GetCurrentDirectory());
        Directory.CreateDirectory(directory);
        var name = $"{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}-{SafeName(message.MessageId)}.eml";
        var temporary = Path.Combine(directory, $".{name}.tmp");
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, Path.Combine(directory, name), overwrite: true);
    }

    private static string SafeName(string? messageId) =>
        new((messageId ?? Guid.NewGuid().ToString("N")).Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').Take(80).ToArray());
}
