using System.Diagnostics;

namespace Referral.Reliability.Tests.Support;

/// <summary>Starts programs with their output appended to a log file, and runs short commands to completion.</summary>
internal static class ChildProcess
{
    public static Process Start(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string workingDirectory,
        string logFile)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var (key, value) in environment) info.Environment[key] = value;
        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        var gate = new Lock();
        var open = 2; // the log closes when both streams have ended (each reader's last event carries null)
        void Write(string? line)
        {
            lock (gate)
            {
                if (open == 0) return;
                if (line is not null)
                {
                    log.WriteLine(line);
                    return;
                }
                if (--open == 0) log.Dispose();
            }
        }
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Runs a command to its end; returns its exit code and output (both streams).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{file} timed out");
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>SIGTERM: the process may finish what it is doing and stop cleanly.</summary>
    public static Task TerminateAsync(int pid) => RunAsync("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

    /// <summary>SIGKILL: gone at once, nothing flushed, nothing acknowledged.</summary>
    public static Task KillHardAsync(int pid) => RunAsync("kill", ["-KILL", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

    public static string Tail(string logFile, int lines = 40)
    {
        try
        {
            using var stream = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException ex)
        {
            return $"(no log: {ex.Message})";
        }
    }
}
