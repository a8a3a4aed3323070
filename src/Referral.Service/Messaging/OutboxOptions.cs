using System.ComponentModel.DataAnnotations;

namespace Referral.Service.Messaging;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    [Range(1, 5_000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>How often the relay looks for work when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claimed row belongs to one instance before another may take it over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Published rows are kept this long for inspection, then deleted.</summary>
    public TimeSpan RetainPublished { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Inbox rows (processed message ids) are kept this long; a redelivery within it is recognised.</summary>
    public TimeSpan RetainProcessed { get; set; } = TimeSpan.FromDays(30);
}
