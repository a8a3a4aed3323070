namespace Referral.Contracts;

/// <summary>
/// A police station refers a dispute incident (流转警情) to the street mediation center.
/// The same JSON is accepted over HTTP, as a MassTransit message and as raw JSON on the
/// <c>referral.incoming</c> exchange. Properties are nullable because a station may send
/// anything; the intake validates every field and names the ones that are wrong.
/// </summary>
public sealed record IncidentReferred
{
    /// <summary>警情编号: unique per station.</summary>
    public string? IncidentNumber { get; init; }

    /// <summary>Code of the referring station; optional when the API key is bound to a station.</summary>
    public string? StationCode { get; init; }

    /// <summary>When the incident happened, ISO 8601 with an offset.</summary>
    public DateTimeOffset? OccurredAt { get; init; }

    public string? Address { get; init; }

    /// <summary>Village or community code; resolved from the address when absent.</summary>
    public string? AreaCode { get; init; }

    /// <summary>Dispute type: the taxonomy code (e.g. <c>marriage-family</c>) or its Chinese name (婚姻家庭).</summary>
    public string? DisputeType { get; init; }

    public string? Summary { get; init; }

    /// <summary>What the police did on scene.</summary>
    public string? PoliceAction { get; init; }

    public string? OfficerName { get; init; }

    public IReadOnlyList<PartyInfo>? Parties { get; init; }

    public RiskInfo? Risk { get; init; }
}

public sealed record PartyInfo
{
    public string? Name { get; init; }
    public string? Gender { get; init; }
    public string? Phone { get; init; }
    public string? IdNumber { get; init; }
    public string? Address { get; init; }

    /// <summary>Role in the dispute, e.g. 申请人, 被申请人, 当事人.</summary>
    public string? Role { get; init; }
}

/// <summary>The officer's risk assessment on scene; it sets the initial color.</summary>
public sealed record RiskInfo
{
    public int? PoliceCallsLast30Days { get; init; }
    public bool? ThreatsOrWeapons { get; init; }
    public bool? Violence { get; init; }
    public bool? SelfHarmRisk { get; init; }

    /// <summary>Minors, elderly or disabled people involved.</summary>
    public bool? VulnerablePersons { get; init; }

    public int? PartiesCount { get; init; }
    public decimal? AmountAtStakeYuan { get; init; }

    /// <summary>Someone already left home over the dispute.</summary>
    public bool? LeftHome { get; init; }
}
