using System.Diagnostics;
using System.Net;
using Referral.Benchmarks.Infrastructure;

namespace Referral.Benchmarks.Pipeline;

/// <summary>
/// The service as it is deployed: <c>dotnet Referral.Service.dll</c> from its build output, a SQLite
/// file in a temp folder, RabbitMQ on its own virtual host, the demo data, mail to a pickup folder.
/// A separate process, so that its memory can be read from /proc.
/// </summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private ServiceProcess(Process process, StreamWriter log, Uri address, string databasePath)
    {
        _process = process;
        _log = log;
        Address = address;
        DatabasePath = databasePath;
    }

    public Uri Address { get; }
    public string DatabasePath { get; }
    public int Pid => _process.Id;

    public static async Task<ServiceProcess> StartAsync(string dataDirectory, string virtualHost, CancellationToken cancellationToken)
    {
        var dll = Path.Combine(Repository.ServiceOutput, "Referral.Service.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"the service is not built at {dll}", dll);
        var port = FreePort();
        var database = Path.Combine(dataDirectory, "referral.db");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repository.ServiceOutput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        var settings = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Database__ConnectionString"] = $"Data Source={database}",
            ["Bus__Transport"] = "RabbitMq",
            ["Bus__Host"] = Referral.Testing.TestEnvironment.RabbitMqHost,
            ["Bus__Port"] = Referral.Testing.TestEnvironment.RabbitMqPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Bus__VirtualHost"] = virtualHost,
            ["Demo__Seed"] = "true",
            ["Mail__Mode"] = "Pickup",
            ["Mail__PickupDirectory"] = Path.Combine(dataDirectory, "mail"),
        };
        foreach (var (key, value) in settings) start.Environment[key] = value;
        var log = new StreamWriter(Path.Combine(dataDirectory, "service.log")) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var service = new ServiceProcess(process, log, new Uri($"http://127.0.0.1:{port}/"), database);
        await service.WaitReadyAsync(dataDirectory, cancellationToken);
        return service;
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null) return;
        lock (log) log.WriteLine(line);
    }

    /// <summary>Ready means migrated, the demo users and key seeded, and the bus connected.</summary>
    private async Task WaitReadyAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var until = Stopwatch.GetTimestamp() + 120 * Stopwatch.Frequency;
        while (Stopwatch.GetTimestamp() < until)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"the service exited with {_process.ExitCode}; see {Path.Combine(dataDirectory, "service.log")}");
            try
            {
                if ((await http.GetAsync("health/ready", cancellationToken)).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Busy starting.
            }
            await Task.Delay(250, cancellationToken);
        }
        throw new TimeoutException($"the service was not ready within 120 s; see {Path.Combine(dataDirectory, "service.log")}");
    }

    public double? PeakRssMb() => ProcessMemory.PeakMb(_process.Id);

    public double? CpuSeconds() => ProcessMemory.CpuSeconds(_process.Id);

    private static int FreePort() => Referral.Testing.FreePorts.Claim();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM: the host stops gracefully (the outbox lease, the broker connection).
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        _process.Dispose();
        lock (_log) _log.Dispose();
    }
}
