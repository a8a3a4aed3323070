using System.ComponentModel.DataAnnotations;

namespace Referral.Service.Notifications;

public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>New cases that arrive within this window go to their department in one email.</summary>
    public TimeSpan RoutedWindow { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>At most this many new cases are gathered into one round of emails.</summary>
    [Range(1, 1_000)]
    public int RoutedBatchSize { get; set; } = 200;
}
