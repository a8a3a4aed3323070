using System.ComponentModel.DataAnnotations;

namespace Referral.Service.Messaging;

public enum BusTransport
{
    InMemory,
    RabbitMq,
}

public enum QueueType
{
    Classic,
    Quorum,
}

public sealed class BusOptions
{
    public const string Section = "Bus";

    public BusTransport Transport { get; set; } = BusTransport.InMemory;

    [Required]
    public string Host { get; set; } = "localhost";

    [Range(1, 65535)]
    public ushort Port { get; set; } = 5672;

    [Required]
    public string VirtualHost { get; set; } = "/";

    [Required]
    public string Username { get; set; } = "guest";

    [Required]
    public string Password { get; set; } = "guest";

    /// <summary>Quorum queues replicate across a cluster; classic suits the single-node default.</summary>
    public QueueType QueueType { get; set; } = QueueType.Classic;

    /// <summary>Messages the broker may hand one consumer before acknowledgements (see docs/reliability.md).</summary>
    [Range(1, 10_000)]
    public int PrefetchCount { get; set; } = 64;

    /// <summary>Messages processed at once per receive endpoint.</summary>
    [Range(1, 1_000)]
    public int ConcurrentMessageLimit { get; set; } = 16;

    /// <summary>Referrals stored per transaction on the bus door (docs/performance.md).</summary>
    [Range(1, 1_000)]
    public int IntakeBatchSize { get; set; } = 100;

    /// <summary>How long a batch waits to fill before it is stored anyway (adds at most this much latency).</summary>
    public TimeSpan IntakeBatchWait { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Batches stored at once; SQLite has one writer, SQL Server can take more.</summary>
    [Range(1, 64)]
    public int IntakeBatchConcurrency { get; set; } = 2;

    /// <summary>The fanout exchange non-.NET station systems publish raw JSON referrals to.</summary>
    [Required]
    public string RawReferralExchange { get; set; } = "referral.incoming";
}
