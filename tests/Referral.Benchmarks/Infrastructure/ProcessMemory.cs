using System.Globalization;

namespace Referral.Benchmarks.Infrastructure;

/// <summary>Resident memory from /proc (Linux): VmHWM is the peak since the process started, VmRSS the current.</summary>
internal static class ProcessMemory
{
    public static double? PeakMb(int pid) => Read(pid, "VmHWM:");
    public static double? CurrentMb(int pid) => Read(pid, "VmRSS:");

    /// <summary>
    /// CPU seconds the process used so far (user + system, from /proc/PID/stat): on a machine shared with
    /// other work, CPU per referral is steadier than wall time.
    /// </summary>
    public static double? CpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // Fields 14 and 15 of stat(5), counted from the state (field 3) here; clock ticks of 1/100 s.
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException)
        {
            return null;
        }
    }

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
