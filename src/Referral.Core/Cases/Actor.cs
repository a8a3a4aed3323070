namespace Referral.Core.Cases;

public static class Roles
{
    public const string Dispatcher = "Dispatcher";
    public const string Coordinator = "Coordinator";
    public const string Handler = "Handler";
    public const string Supervisor = "Supervisor";
    public const string Admin = "Admin";
    public const string Station = "Station";
    public const string System = "System";

    public static readonly IReadOnlyList<string> All = [Dispatcher, Coordinator, Handler, Supervisor, Admin];
}

/// <summary>Who did something to a case: a person in a role, a station system, or an automatic rule.</summary>
public sealed record Actor(string Name, string Role, string? DepartmentCode = null, string? StationCode = null)
{
    public static Actor Rule(string rule) => new($"rule:{rule}", Roles.System);

    public static Actor StationSystem(string stationCode) => new($"station:{stationCode}", Roles.Station, StationCode: stationCode);
}
