namespace Referral.Core.Cases;

/// <summary>Working time between two instants on the working calendar (the resolve clock pauses on hold).</summary>
public interface IWorkingTime
{
    TimeSpan Between(DateTimeOffset from, DateTimeOffset to);
}
