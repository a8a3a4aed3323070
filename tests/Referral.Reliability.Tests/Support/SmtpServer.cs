using System.Diagnostics;
using MimeKit;

namespace Referral.Reliability.Tests.Support;

/// <summary>
/// A real SMTP server of the test's own (aiosmtpd, storing each message as a file in a maildir), on a
/// port chosen at construction, so that the test can keep it down and bring it up later.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private Process? _process;

    public SmtpServer(string folder)
    {
        Maildir = Path.Combine(folder, "smtp");
        foreach (var sub in new[] { "tmp", "new", "cur" }) Directory.CreateDirectory(Path.Combine(Maildir, sub));
        LogFile = Path.Combine(folder, "smtp.log");
    }

    public int Port { get; } = Ports.Free();
    public string Maildir { get; }
    public string LogFile { get; }

    public static async Task RequireAsync()
    {
        var (code, output) = await ChildProcess.RunAsync(Python, ["-c", "import aiosmtpd"]);
        if (code != 0)
            Assert.Fail($"The SMTP fault test runs its own aiosmtpd and needs it installed: apt-get install python3-aiosmtpd ({output.Trim()})");
    }

    public async Task StartAsync()
    {
        _process = ChildProcess.Start(Python, ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir],
            new Dictionary<string, string>(), Maildir, LogFile);
        var clock = Stopwatch.StartNew();
        while (!Ports.Listening(Port))
        {
            if (_process.HasExited || clock.Elapsed > TimeSpan.FromSeconds(30)) Assert.Fail($"aiosmtpd did not start:\n{ChildProcess.Tail(LogFile)}");
            await Task.Delay(200);
        }
    }

    /// <summary>Every message received so far.</summary>
    public IReadOnlyList<MimeMessage> Messages() =>
        Directory.GetFiles(Path.Combine(Maildir, "new")).Concat(Directory.GetFiles(Path.Combine(Maildir, "cur"))).Select(file => MimeMessage.Load(file)).ToList();

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        _process?.Dispose();
    }
}
