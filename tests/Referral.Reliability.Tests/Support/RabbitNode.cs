using System.Diagnostics;
using System.Globalization;
using RabbitMQ.Client;

namespace Referral.Reliability.Tests.Support;

/// <summary>
/// A RabbitMQ node of the suite's own (never the shared one on 5672, which other tests use): its own
/// node name, ports, database, logs and no plugins, under a temp folder. The fault tests kill it with
/// SIGKILL and start it again on the same database, as a crashed broker is restarted.
/// </summary>
public sealed class RabbitNode : IAsyncDisposable
{
    private readonly string _sbin;
    private readonly Dictionary<string, string> _environment;
    private readonly HashSet<string> _virtualHosts = [];
    private Process? _server;

    private RabbitNode(string sbin)
    {
        _sbin = sbin;
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(Folder, "enabled_plugins"), "[].\n");
        File.WriteAllText(Path.Combine(Folder, "rabbitmq-env.conf"), "");
        File.WriteAllText(Path.Combine(Folder, "rabbitmq.conf"),
            $"listeners.tcp.default = 127.0.0.1:{Port}\nloopback_users = none\nlog.console = true\nlog.file = false\n");
        _environment = new Dictionary<string, string>
        {
            ["HOME"] = Folder, // the Erlang cookie, shared by the node and rabbitmqctl
            ["RABBITMQ_NODENAME"] = NodeName,
            ["RABBITMQ_NODE_PORT"] = Port.ToString(CultureInfo.InvariantCulture),
            ["RABBITMQ_DIST_PORT"] = Ports.Free().ToString(CultureInfo.InvariantCulture),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(Folder, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(Folder, "log"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(Folder, "enabled_plugins"),
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(Folder, "rabbitmq.conf"),
            ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(Folder, "advanced.config"),
            ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(Folder, "rabbitmq-env.conf"),
            ["RABBITMQ_PID_FILE"] = Path.Combine(Folder, "node.pid"),
        };
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "referral-faults", "rabbit-" + Guid.NewGuid().ToString("N")[..8]);
    public string NodeName { get; } = $"referral-faults-{Environment.ProcessId}@localhost";
    public int Port { get; } = Ports.Free();
    public string LogFile => Path.Combine(Folder, "server.log");

    /// <summary>Finds the RabbitMQ scripts (fails the test saying how to install them) and starts the node.</summary>
    public static async Task<RabbitNode> StartAsync()
    {
        var node = new RabbitNode(FindScripts());
        await node.StartAgainAsync();
        return node;
    }

    public Uri Amqp(string virtualHost) => new($"amqp://guest:guest@127.0.0.1:{Port}/{Uri.EscapeDataString(virtualHost)}");

    /// <summary>Starts the node (again, on the same database) and waits until it accepts connections.</summary>
    public async Task StartAgainAsync(TimeSpan? timeout = null)
    {
        _server = ChildProcess.Start(Path.Combine(_sbin, "rabbitmq-server"), [], _environment, Folder, LogFile);
        var deadline = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromMinutes(3);
        // await_startup fails at once on a node that has not registered yet: ping first.
        while ((await CtlAsync("ping")).ExitCode != 0)
        {
            if (_server.HasExited || deadline.Elapsed > limit)
                Assert.Fail($"RabbitMQ node {NodeName} did not start:\n{ChildProcess.Tail(LogFile)}");
            await Task.Delay(500);
        }
        var (code, output) = await CtlAsync("await_startup", "--timeout", "180");
        if (code != 0) Assert.Fail($"RabbitMQ node {NodeName} did not finish starting: {output}\n{ChildProcess.Tail(LogFile)}");
    }

    /// <summary><c>kill -9</c> the broker's Erlang VM: no clean shutdown, nothing flushed beyond what it had synced.</summary>
    public async Task KillHardAsync()
    {
        var pidFile = Path.Combine(Folder, "node.pid");
        if (File.Exists(pidFile) && int.TryParse((await File.ReadAllTextAsync(pidFile)).Trim(), CultureInfo.InvariantCulture, out var pid))
            await ChildProcess.KillHardAsync(pid);
        if (_server is { HasExited: false } server)
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
        File.Delete(pidFile);
        var deadline = Stopwatch.StartNew();
        while (Ports.Listening(Port) && deadline.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(100);
    }

    /// <summary>
    /// Virtual hosts (guest may use them), all in one <c>rabbitmqctl import_definitions</c>: each call boots an
    /// Erlang VM, which takes a minute on a crowded machine, so the suite creates every test's host at once.
    /// </summary>
    public async Task AddVirtualHostsAsync(params string[] names)
    {
        var definitions = new
        {
            vhosts = names.Select(n => new { name = n }),
            permissions = names.Select(n => new { user = "guest", vhost = n, configure = ".*", write = ".*", read = ".*" }),
        };
        var file = Path.Combine(Folder, "definitions.json");
        await File.WriteAllTextAsync(file, System.Text.Json.JsonSerializer.Serialize(definitions));
        await MustAsync("import_definitions", file);
        _virtualHosts.UnionWith(names);
    }

    /// <summary>The test's own virtual host (created with the suite's, or now), so that each test has its own queues.</summary>
    public async Task<string> AddVirtualHostAsync(string name)
    {
        if (!_virtualHosts.Contains(name)) await AddVirtualHostsAsync(name);
        return name;
    }

    /// <summary>Messages ready in a queue (0 when it does not exist).</summary>
    public async Task<uint> ReadyMessagesAsync(string virtualHost, string queue)
    {
        var factory = new ConnectionFactory { Uri = Amqp(virtualHost), AutomaticRecoveryEnabled = false };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0;
        }
    }

    /// <summary>
    /// Messages in a queue that are ready or delivered and not yet acknowledged (0, 0 when it does not exist), as the
    /// broker counts them: a message being handled by a consumer, or on its way back after a failure, is unacknowledged.
    /// </summary>
    public async Task<(long Ready, long Unacknowledged)> QueueDepthAsync(string virtualHost, string queue)
    {
        var (code, output) = await CtlAsync("list_queues", "-p", virtualHost, "name", "messages_ready", "messages_unacknowledged", "--no-table-headers");
        if (code != 0) Assert.Fail($"rabbitmqctl list_queues failed: {output}");
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var cells = line.Split('\t');
            if (cells.Length == 3 && cells[0] == queue)
                return (long.Parse(cells[1], CultureInfo.InvariantCulture), long.Parse(cells[2], CultureInfo.InvariantCulture));
        }
        return (0, 0);
    }

    public Task<(int ExitCode, string Output)> CtlAsync(params string[] arguments) =>
        ChildProcess.RunAsync(Path.Combine(_sbin, "rabbitmqctl"), ["-n", NodeName, "-q", .. arguments], _environment, TimeSpan.FromSeconds(300));

    private async Task MustAsync(params string[] arguments)
    {
        var (code, output) = await CtlAsync(arguments);
        if (code != 0) Assert.Fail($"rabbitmqctl {string.Join(' ', arguments)} failed: {output}");
    }

    public async ValueTask DisposeAsync()
    {
        await KillHardAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held for a moment; the temp folder is cleaned by the OS.
        }
    }

    /// <summary>
    /// The scripts that start a node as the current user: Debian's /usr/sbin wrappers switch to the rabbitmq
    /// user (losing the environment), so the real ones under /usr/lib/rabbitmq/bin are used when present.
    /// </summary>
    private static string FindScripts()
    {
        var candidates = new List<string?> { Environment.GetEnvironmentVariable("REFERRAL_TEST_RABBITMQ_SCRIPTS"), "/usr/lib/rabbitmq/bin" };
        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'));
        foreach (var folder in candidates)
            if (folder is { Length: > 0 } && File.Exists(Path.Combine(folder, "rabbitmq-server")) && File.Exists(Path.Combine(folder, "rabbitmqctl")))
                return folder;
        Assert.Fail("The fault suite starts its own RabbitMQ node and needs the RabbitMQ server installed: apt-get install rabbitmq-server " +
                    "(on Debian the scripts are under /usr/lib/rabbitmq/bin; elsewhere set REFERRAL_TEST_RABBITMQ_SCRIPTS to the folder " +
                    "holding rabbitmq-server and rabbitmqctl). It never touches the shared node on port 5672.");
        return "";
    }
}
