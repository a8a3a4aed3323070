namespace Referral.Core.Reference;

/// <summary>The reference data intake needs; the host serves it from a cache of the database.</summary>
public interface IReferenceData
{
    Station? FindStation(string code);
    Department? FindDepartment(string code);

    /// <summary>Finds a dispute type by its code or by its Chinese or English name.</summary>
    DisputeType? FindDisputeType(string codeOrName);

    IReadOnlyList<Area> Areas { get; }
}
