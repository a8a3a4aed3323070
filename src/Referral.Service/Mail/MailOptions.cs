using System.ComponentModel.DataAnnotations;

namespace Referral.Service.Mail;

public enum MailMode
{
    /// <summary>Write each message as an .eml file to <see cref="MailOptions.PickupDirectory"/> (the embedded default).</summary>
    Pickup,
    /// <summary>Send through the SMTP server configured below.</summary>
    Smtp,
}

public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
    Auto,
}

public sealed class MailOptions
{
    public const string Section = "Mail";

    public MailMode Mode { get; set; } = MailMode.Pickup;

    [Required]
    public string PickupDirectory { get; set; } = "data/mail";

    public string Host { get; set; } = "localhost";

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;
    public string? Username { get; set; }
    public string? Password { get; set; }

    [Required]
    public string FromAddress { get; set; } = "noreply@referral.local";

    [Required]
    public string FromName { get; set; } = "警情通办";

    /// <summary>Where links in emails point: the service's public address.</summary>
    [Required, Url]
    public string BaseUrl { get; set; } = "http://localhost:5080";
}
