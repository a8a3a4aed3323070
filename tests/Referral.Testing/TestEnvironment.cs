using System.Net.Sockets;

namespace Referral.Testing;

/// <summary>
/// Where the real parts the tests use are: RabbitMQ, an SMTP server, Chromium. <c>./test.sh</c>
/// starts them and sets these variables; run by hand, the defaults point at a local install. A test
/// that needs a part that is not there fails and says how to start it.
/// </summary>
public static class TestEnvironment
{
    public static string RabbitMqHost => Env("REFERRAL_TEST_RABBITMQ_HOST", "localhost");
    public static int RabbitMqPort => int.Parse(Env("REFERRAL_TEST_RABBITMQ_PORT", "5672"), System.Globalization.CultureInfo.InvariantCulture);
    public static Uri RabbitMqManagement => new(Env("REFERRAL_TEST_RABBITMQ_MANAGEMENT", "http://localhost:15672/"));
    public static string SmtpHost => Env("REFERRAL_TEST_SMTP_HOST", "127.0.0.1");
    public static int SmtpPort => int.Parse(Env("REFERRAL_TEST_SMTP_PORT", "2525"), System.Globalization.CultureInfo.InvariantCulture);
    public static string SmtpMaildir => Env("REFERRAL_TEST_SMTP_MAILDIR", Path.Combine(Path.GetTempPath(), "referral-test-mailbox"));
    public static string ChromiumPath => Env("REFERRAL_TEST_CHROMIUM", "/usr/bin/chromium");

    /// <summary>Set to a SQL Server connection string to run the integration tests against SQL Server instead of SQLite.</summary>
    public static string? SqlServer => Environment.GetEnvironmentVariable("REFERRAL_TEST_SQLSERVER") is { Length: > 0 } s ? s : null;

    private const string HowToStart = "Run the whole suite with ./test.sh, which installs and starts it";

    public static void RequireRabbitMq()
    {
        if (!CanConnect(RabbitMqHost, RabbitMqPort))
            Assert.Fail($"RabbitMQ is not reachable at {RabbitMqHost}:{RabbitMqPort}. {HowToStart}, or start it by hand: " +
                        "apt-get install rabbitmq-server && rabbitmq-plugins enable rabbitmq_management && rabbitmq-server -detached && rabbitmqctl await_startup " +
                        "(REFERRAL_TEST_RABBITMQ_HOST/PORT point elsewhere).");
        if (!CanConnect(RabbitMqManagement.Host, RabbitMqManagement.Port))
            Assert.Fail($"The RabbitMQ management API is not reachable at {RabbitMqManagement}. Enable it: rabbitmq-plugins enable rabbitmq_management.");
    }

    public static void RequireSmtp()
    {
        if (!CanConnect(SmtpHost, SmtpPort) || !Directory.Exists(Path.Combine(SmtpMaildir, "new")))
            Assert.Fail($"No SMTP server with a mailbox at {SmtpHost}:{SmtpPort} ({SmtpMaildir}). {HowToStart}, or start one by hand: " +
                        "apt-get install python3-aiosmtpd && mkdir -p DIR/{tmp,new,cur} && " +
                        $"/usr/bin/python3 -m aiosmtpd -n -l {SmtpHost}:{SmtpPort} -c aiosmtpd.handlers.Mailbox DIR, with REFERRAL_TEST_SMTP_MAILDIR=DIR.");
    }

    public static void RequireChromium()
    {
        if (!File.Exists(ChromiumPath))
            Assert.Fail($"Chromium is not installed at {ChromiumPath}. {HowToStart}, or install it: apt-get install chromium fonts-noto-cjk " +
                        "(REFERRAL_TEST_CHROMIUM points elsewhere). Never 'playwright install': no download works here.");
    }

    private static bool CanConnect(string host, int port)
    {
        try
        {
            using var client = new TcpClient();
            return client.ConnectAsync(host, port).Wait(TimeSpan.FromSeconds(3)) && client.Connected;
        }
        catch (AggregateException)
        {
            return false;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string Env(string name, string fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : fallback;
}
