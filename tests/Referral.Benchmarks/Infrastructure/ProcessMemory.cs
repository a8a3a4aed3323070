using System.Globalization;

namespace Referral.Benchmarks.Infrastructure;

/// <summary>Resident memory from /proc (Linux): VmHWM is the peak since the process started, VmRSS the current.</summary>
internal static class ProcessMemory
{
    public static double? PeakMb(int pid) => Read(pid, "VmHWM:");
    public static double? CurrentMb(int pid) => Read(pid, "VmRSS:");

    private static double? Read(int pid, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            if (line is null) return null;
            var kb = double.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            return Math.Round(kb / 1024, 1);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
