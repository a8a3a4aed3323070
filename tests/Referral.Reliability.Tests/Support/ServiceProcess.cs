using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;

namespace Referral.Reliability.Tests.Support;

/// <summary>
/// The service as a separate OS process (<c>dotnet Referral.Service.dll</c>, configured through
/// environment variables), so that a test can kill it with SIGKILL and start it again on the same
/// database and port, as an operator's supervisor would.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    public const string ApiKey = "demo-gutang-key";
    private readonly Dictionary<string, string> _environment;
    private Process? _process;

    /// <param name="dataFolder">Holds the database, the mail folder and the log; shared by instances of one test.</param>
    public ServiceProcess(string dataFolder, IReadOnlyDictionary<string, string> settings, string name = "service")
    {
        DataFolder = dataFolder;
        Directory.CreateDirectory(dataFolder);
        LogFile = Path.Combine(dataFolder, name + ".log");
        _environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["DOTNET_NOLOGO"] = "1",
            ["Database__Provider"] = "Sqlite",
            ["Database__ConnectionString"] = $"Data Source={DatabaseFile}",
            ["Mail__Mode"] = "Pickup",
            ["Mail__PickupDirectory"] = Path.Combine(dataFolder, "mail"),
            ["Demo__Seed"] = "true",
            ["Intake__FingerprintKey"] = "fault-suite-fingerprint-key-0123456789",
            ["Outbox__PollInterval"] = "00:00:00.200",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
        };
        foreach (var (key, value) in settings) _environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
    }

    public string DataFolder { get; }
    public string DatabaseFile => Path.Combine(DataFolder, "referral.db");
    public string LogFile { get; }
    public int Port { get; } = Ports.Free();
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Settings for the service on a virtual host of the suite's node.</summary>
    public static Dictionary<string, string> OnBroker(RabbitNode node, string virtualHost) => new()
    {
        ["Bus:Transport"] = "RabbitMq",
        ["Bus:Host"] = "127.0.0.1",
        ["Bus:Port"] = node.Port.ToString(CultureInfo.InvariantCulture),
        ["Bus:VirtualHost"] = virtualHost,
    };

    public void Start()
    {
        if (IsRunning) throw new InvalidOperationException("already running");
        _process = ChildProcess.Start("dotnet", [ServiceDll, "--urls", BaseAddress.ToString().TrimEnd('/')], _environment,
            Path.GetDirectoryName(ServiceDll)!, LogFile);
    }

    public async Task StartAndWaitReadyAsync(TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        Start();
        await WaitReadyAsync(timeout ?? TimeSpan.FromMinutes(2));
        TestContext.Progress.WriteLine($"service ready in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>SIGKILL: messages in flight are neither finished nor acknowledged.</summary>
    public async Task KillHardAsync()
    {
        if (_process is not { } process) return;
        if (!process.HasExited) await ChildProcess.KillHardAsync(process.Id);
        await process.WaitForExitAsync();
        process.Dispose();
        _process = null;
    }

    /// <summary>SIGTERM, then up to 30 s to stop cleanly; killed if it does not.</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process) return;
        if (!process.HasExited)
        {
            await ChildProcess.TerminateAsync(process.Id);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        process.Dispose();
        _process = null;
    }

    /// <summary>GET /health/ready: the status code (0 when nothing answers) and the body, which names what is down.</summary>
    public async Task<(int Status, string Body)> ReadinessAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            using var response = await client.GetAsync("health/ready");
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return (0, ex.Message);
        }
    }

    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var last = (Status: 0, Body: "");
        while (clock.Elapsed < timeout)
        {
            if (_process is { HasExited: true } gone)
                Assert.Fail($"the service exited with {gone.ExitCode} before it was ready:\n{ChildProcess.Tail(LogFile)}");
            last = await ReadinessAsync();
            if (last.Status == 200) return;
            await Task.Delay(500);
        }
        Assert.Fail($"the service was not ready within {timeout.TotalSeconds:0} s (last answer {last.Status}: {last.Body}):\n{ChildProcess.Tail(LogFile)}");
    }

    /// <summary>A client signed in as a demo user (POST /api/auth/login).</summary>
    public async Task<HttpClient> SignInAsync(string userName, string password = "Demo!2026")
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        using var response = await client.PostAsJsonAsync("api/auth/login", new { userName, password });
        Assert.That(response.IsSuccessStatusCode, Is.True, $"sign-in as {userName} failed: {(int)response.StatusCode}");
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient StationClient()
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    public string LogTail(int lines = 40) => ChildProcess.Tail(LogFile, lines);

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>The service's own build output, built with this test project (same configuration).</summary>
    private static string ServiceDll { get; } = FindServiceDll();

    private static string FindServiceDll()
    {
        var configuration = typeof(ServiceProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Referral.sln"))) continue;
            var bin = Path.Combine(dir.FullName, "src", "Referral.Service", "bin", configuration);
            var dll = Directory.Exists(bin) ? Directory.GetFiles(bin, "Referral.Service.dll", SearchOption.AllDirectories).FirstOrDefault() : null;
            if (dll is not null) return dll;
            break;
        }
        Assert.Fail($"Referral.Service.dll ({configuration}) not found under src/Referral.Service/bin: build the solution first (dotnet build Referral.sln).");
        return "";
    }
}
