using Referral.Reliability.Tests.Support;

namespace Referral.Reliability.Tests;

/// <summary>
/// One RabbitMQ node of the suite's own for every fault test (each test takes a virtual host of its own
/// on it); tests that kill the broker start it again before they end.
/// </summary>
[SetUpFixture]
public sealed class FaultSuite
{
    public static RabbitNode Node { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartNodeAsync()
    {
        TestContext.Progress.WriteLine($"fault suite: profile {FaultProfile.Current.Name} (REFERRAL_FAULTS=full for the issue's figures)");
        Node = await RabbitNode.StartAsync();
        await Node.AddVirtualHostsAsync("kill-broker", "kill-service", "db-outage", "duplicates", "poison", "broker-late", "smtp", "bad-input");
    }

    [OneTimeTearDown]
    public async Task StopNodeAsync()
    {
        if (Node is not null) await Node.DisposeAsync();
    }
}

/// <summary>What every fault test needs: the profile, the node, a folder and the service processes it started (stopped after).</summary>
public abstract class FaultTest
{
    private readonly List<ServiceProcess> _services = [];

    protected static FaultProfile Profile => FaultProfile.Current;
    protected static RabbitNode Node => FaultSuite.Node;
    protected string Folder { get; private set; } = "";

    [SetUp]
    public void CreateFolder()
    {
        Folder = Path.Combine(Path.GetTempPath(), "referral-faults", TestContext.CurrentContext.Test.MethodName + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Folder);
    }

    [TearDown]
    public async Task StopServicesAsync()
    {
        foreach (var service in _services) await service.StopAsync();
        _services.Clear();
        // A test that failed while the broker was down leaves it up for the next one.
        if (!Ports.Listening(Node.Port)) await Node.StartAgainAsync();
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Passed)
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // Cleaned by the OS with the temp folder.
            }
        }
        else
        {
            TestContext.Out.WriteLine($"kept for inspection: {Folder}");
        }
    }

    /// <summary>A service process on this test's virtual host and folder (not started).</summary>
    protected ServiceProcess Service(string virtualHost, IReadOnlyDictionary<string, string>? settings = null, string name = "service")
    {
        var all = ServiceProcess.OnBroker(Node, virtualHost);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) all[key] = value;
        var service = new ServiceProcess(Folder, all, name);
        _services.Add(service);
        return service;
    }

    /// <summary>Asserts the service answers ready (without having been restarted by the test after its fault).</summary>
    protected static async Task AssertReadyAsync(ServiceProcess service)
    {
        await service.WaitReadyAsync(TimeSpan.FromMinutes(2));
        var (status, body) = await service.ReadinessAsync();
        Assert.That(status, Is.EqualTo(200), body);
    }
}
