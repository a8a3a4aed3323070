using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Referral.Testing;

/// <summary>
/// A real SMTP server (aiosmtpd with its Mailbox handler) of the test's own, on a free port with its own maildir, so
/// that a test can stop and start it without disturbing the shared one. Messages are read back with MimeKit.
/// </summary>
public sealed class SmtpServerProcess : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private Process? _process;

    private SmtpServerProcess(int port, string maildir)
    {
        Port = port;
        Maildir = maildir;
        foreach (var folder in new[] { "tmp", "new", "cur" }) Directory.CreateDirectory(Path.Combine(maildir, folder));
    }

    public string Host => "127.0.0.1";
    public int Port { get; }
    public string Maildir { get; }
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>A server on a port nobody listens on, not started yet.</summary>
    public static SmtpServerProcess OnFreePort() =>
        new(FreePorts.Claim(), Path.Combine(Path.GetTempPath(), "referral-smtp", Guid.NewGuid().ToString("N")));

    /// <summary>Starts the server and waits until it accepts connections.</summary>
    public async Task StartAsync()
    {
        if (IsRunning) return;
        if (!File.Exists(Python))
            Assert.Fail($"{Python} is missing: apt-get install python3-aiosmtpd (the SMTP server the tests use).");
        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"{Host}:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start");
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await Eventually.UntilAsync(() => Task.FromResult(_process.HasExited || CanConnect()), TimeSpan.FromSeconds(60), $"aiosmtpd to listen on {Host}:{Port}");
        if (_process.HasExited)
            Assert.Fail($"aiosmtpd exited with code {_process.ExitCode}: is python3-aiosmtpd installed (apt-get install python3-aiosmtpd)?");
    }

    /// <summary>Stops the server; mail sent meanwhile is refused at the connection.</summary>
    public async Task StopAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>Every message the server has stored so far.</summary>
    public IReadOnlyList<MimeMessage> Messages() =>
        Directory.GetFiles(Path.Combine(Maildir, "new")).Select(f => MimeMessage.Load(f)).ToList();

    private bool CanConnect()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(Host, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(Maildir, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS's temp cleaning.
        }
    }
}
