using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Mime;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MassTransit;
using MassTransit.Serialization;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Referral.Contracts;
using Referral.Service.Intake;
using Referral.Testing;

namespace Referral.Service.Tests.Privacy;

/// <summary>
/// Drives one whole story with parties whose phone and ID numbers are known — referrals good, invalid,
/// amended and unreadable through HTTP and the bus, every step of the handling with numbers quoted in
/// the free text, a search by phone number, a reveal, digests — with logging turned up to Trace, and
/// then looks for those numbers (and the parties' full names) wherever the service writes text that
/// people or other systems read: every log entry, the outbox, the outgoing mail, the dead letters'
/// reasons, every HTTP answer, every bus message. Where they legitimately are, and only there, they are not looked for: the parties table,
/// a dead letter's original body (kept for re-queueing), the reveal answer, and the referrals the
/// test itself sent.
/// </summary>
public sealed class PersonalDataScanTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly RecordingLoggerProvider _logs = new();
    private readonly ConcurrentQueue<Exchange> _answers = new();
    private readonly HashSet<Guid> _sentByTheTest = [];
    private readonly Dictionary<string, string> _secrets = [];
    private ReferralApp _app = null!;
    private ITestHarness _harness = null!;
    private Guid _caseId;
    private Guid _malformedMessageId;
    private Guid _invalidMessageId;

    private sealed record Exchange(string Request, HttpStatusCode Status, string Body);

    [OneTimeSetUp]
    public async Task DriveAsync()
    {
        _app = new ReferralApp(new ReferralAppOptions
        {
            // As verbose as configuration can make it: every category appsettings.json names, and the default, at Trace.
            Settings = new[] { "Default", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "MassTransit", "Quartz", "Microsoft.Extensions.Diagnostics.HealthChecks" }
                .ToDictionary(category => $"Logging:LogLevel:{category}", _ => (string?)"Trace"),
            Services = s => s.AddLogging(b => b.ClearProviders().AddProvider(_logs)),
        });
        await _app.StartAsync();
        _harness = _app.Services.GetRequiredService<ITestHarness>();
        using var dispatcher = await SignInAsync("dispatcher");
        using var coordinator = await SignInAsync("coordinator");
        using var fulian = await SignInAsync("handler-fulian");
        using var admin = await SignInAsync("admin");
        using var station = _app.CreateDefaultClient(new RecordingHandler(_answers));
        station.DefaultRequestHeaders.Add("X-Api-Key", Clients.DemoApiKey);

        _caseId = await ReferOverHttpAsync(dispatcher);
        await ReferInvalidOverHttpAsync(dispatcher);
        await ReferUnreadableOverHttpAsync(station);
        await ReferOnTheBusAsync();
        await ReferInvalidOnTheBusAsync();
        await ReferUnreadableOnTheBusAsync();
        await WorkTheCaseAsync(fulian, coordinator);
        await ReadTheCaseAsync(dispatcher, coordinator, fulian);
        await RevealAsync(coordinator);
        await LookAtDigestsAsync(admin);
        await SettleAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [Test]
    public void Log_entries_at_every_level_hold_no_unmasked_personal_data() =>
        AssertClean(_logs.Lines.Select((line, i) => ($"log entry {i}", (string?)line)));

    [Test]
    public async Task Outbox_messages_hold_no_unmasked_personal_data()
    {
        var rows = await _app.QueryAsync(db => db.Outbox.AsNoTracking().ToListAsync());
        AssertClean(rows.SelectMany(r => new[] { ($"outbox #{r.Id} ({r.MessageType}) body", r.Body), ($"outbox #{r.Id} last error", r.LastError) }));
    }

    [Test]
    public async Task Outgoing_mail_holds_no_unmasked_personal_data()
    {
        var mails = await _app.QueryAsync(db => db.OutgoingMail.AsNoTracking().ToListAsync());
        AssertClean(mails.SelectMany(m => new[]
        {
            ($"mail #{m.Id} ({m.Kind}) subject", m.Subject), ($"mail #{m.Id} ({m.Kind}) text", m.TextBody),
            ($"mail #{m.Id} ({m.Kind}) html", m.HtmlBody), ($"mail #{m.Id} last error", m.LastError),
        }));
    }

    /// <summary>The body is the message as received, kept whole for an admin to re-queue: not looked at.</summary>
    [Test]
    public async Task Dead_letter_reasons_hold_no_unmasked_personal_data()
    {
        var letters = await _app.QueryAsync(db => db.DeadLetters.AsNoTracking().ToListAsync());
        AssertClean(letters.SelectMany(d => new[]
        {
            ($"dead letter #{d.Id} reason", d.Reason), ($"dead letter #{d.Id} incident", d.IncidentNumber), ($"dead letter #{d.Id} station", d.StationCode),
        }));
    }

    /// <summary>Every answer, problem details included; the reveal's answer is the one place the numbers belong.</summary>
    [Test]
    public void Http_answers_but_the_reveal_hold_no_unmasked_personal_data() =>
        AssertClean(_answers.Where(a => !IsReveal(a)).Select(a => ($"answer {(int)a.Status} to {a.Request}", (string?)a.Body)));

    [Test]
    public void Bus_messages_published_or_sent_by_the_service_hold_no_unmasked_personal_data()
    {
        var published = _harness.Published.Select(_ => true, Now()).Select(m => (m.Context.MessageId, m.MessageType.Name, m.MessageObject, "published"));
        var sent = _harness.Sent.Select(_ => true, Now()).Select(m => (m.Context.MessageId, m.MessageType.Name, m.MessageObject, "sent"));
        var messages = published.Concat(sent).Where(m => m.MessageId is not { } id || !_sentByTheTest.Contains(id)).ToList();

        Assert.That(messages.Select(m => m.Name), Does.Contain(nameof(CaseClosed)).And.Contain(nameof(ReferralRejected)).And.Contain(nameof(MessageDeadLettered)));
        AssertClean(messages.Select(m => ($"{m.Item4} {m.Name} {m.MessageId}", (string?)JsonSerializer.Serialize(m.MessageObject, m.MessageObject.GetType(), Json))));
    }

    /// <summary>The scan can fail: the numbers are where they belong, and every place scanned was written to.</summary>
    [Test]
    public async Task The_known_numbers_are_where_they_belong_and_every_scanned_place_was_written()
    {
        var parties = await _app.QueryAsync(db => db.Cases.AsNoTracking().Where(c => c.Id == _caseId).SelectMany(c => c.Parties).ToListAsync());
        var letters = await _app.QueryAsync(db => db.DeadLetters.AsNoTracking()
            .Where(d => d.MessageId == _malformedMessageId || d.MessageId == _invalidMessageId).ToListAsync());
        var reveal = _answers.Single(IsReveal).Body;

        Assert.That(parties.Select(p => p.Phone), Is.EquivalentTo(new[] { _secrets["phone A"], _secrets["phone B"], _secrets["phone G"] }));
        Assert.That(letters.Select(d => d.Body).Any(b => b.Contains(_secrets["phone F"], StringComparison.Ordinal)), Is.True, "the unreadable message, kept whole");
        Assert.That(letters.Select(d => d.Body).Any(b => b.Contains(_secrets["phone E"], StringComparison.Ordinal)), Is.True, "the invalid message, kept whole");
        Assert.That(reveal, Does.Contain(_secrets["phone A"]).And.Contain(_secrets["ID A"]));
        Assert.That(_logs.Lines.Count(l => l.StartsWith("Trace ", StringComparison.Ordinal) || l.StartsWith("Debug ", StringComparison.Ordinal)),
            Is.GreaterThan(100), "the log is captured below Information");
        Assert.That(_logs.Lines.Any(l => l.Contains("dead-lettered", StringComparison.Ordinal)), Is.True, "the dead-lettering was logged");
        Assert.That(await _app.QueryAsync(db => db.Outbox.CountAsync()), Is.GreaterThan(10));
        Assert.That(await _app.QueryAsync(db => db.OutgoingMail.Select(m => m.Kind).Distinct().ToListAsync()),
            Is.SupersetOf(new[] { "case-routed", "case-co-handling", "case-closed", "case-reopened", "digest-daily" }));
        Assert.That(_answers.Count(a => a.Body.Contains("\"errors\"", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(2), "problem details were answered");
    }

    private async Task<Guid> ReferOverHttpAsync(HttpClient dispatcher)
    {
        var (phoneA, idA, phoneB) = (Secret("phone A", KnownNumbers.Phone()), Secret("ID A", KnownNumbers.IdNumber()), Secret("phone B", KnownNumbers.Phone()));
        Secret("name A", "张三丰");
        Secret("name B", "李四");
        Secret("name G", "王五");
        var referral = Referrals.Valid(address: Referrals.UniqueAddress()) with
        {
            Summary = $"张三丰（电话{phoneA}，身份证号{idA}）与女友李四因彩礼问题争吵，李四（{phoneB}）称要去张三丰单位闹。",
            PoliceAction = $"民警到场劝解，登记张三丰手机 {Secret("phone A grouped", $"{phoneA[..3]} {phoneA[3..7]} {phoneA[7..]}")}。",
            Parties =
            [
                new PartyInfo { Name = "张三丰", Gender = "男", Phone = phoneA, IdNumber = idA, Address = "慈溪市古塘街道塘东村5组8号", Role = "申请人" },
                new PartyInfo { Name = "李四", Gender = "女", Phone = phoneB, Role = "被申请人" },
            ],
        };
        using var response = await dispatcher.PostAsJsonAsync("/api/referrals", referral);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var amended = referral with
        {
            Parties = [.. referral.Parties!, new PartyInfo { Name = "王五", Gender = "男", Phone = Secret("phone G", KnownNumbers.Phone()), Role = "证人" }],
        };
        using var again = await dispatcher.PostAsJsonAsync("/api/referrals", amended);
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the station re-sends the incident with a witness added");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseId").GetGuid();
    }

    private async Task ReferInvalidOverHttpAsync(HttpClient dispatcher)
    {
        var referral = Referrals.Valid(address: Referrals.UniqueAddress()) with
        {
            Parties = [new PartyInfo { Name = "赵六", Phone = Secret("bad phone", KnownNumbers.InvalidPhone()), IdNumber = Secret("bad ID", KnownNumbers.InvalidIdNumber()) }],
        };
        using var response = await dispatcher.PostAsJsonAsync("/api/referrals", referral);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(e => e.Name), Is.EquivalentTo(new[] { "parties[0].phone", "parties[0].idNumber" }));
    }

    /// <summary>A phone sent as a JSON number: the body cannot be read.</summary>
    private async Task ReferUnreadableOverHttpAsync(HttpClient station)
    {
        var body = JsonSerializer.SerializeToNode(Referrals.Valid(address: Referrals.UniqueAddress()), Json)!;
        body["parties"]![0]!["phone"] = long.Parse(Secret("phone C", KnownNumbers.Phone()), System.Globalization.CultureInfo.InvariantCulture);
        using var response = await station.PostAsync("/api/referrals", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(e => e.Name), Is.EqualTo(new[] { "parties[0].phone" }));
    }

    private async Task ReferOnTheBusAsync()
    {
        var referral = Referrals.Valid(address: Referrals.UniqueAddress(), phone: Secret("phone D", KnownNumbers.Phone()),
            idNumber: Secret("ID D", KnownNumbers.IdNumber()));
        var id = await PublishAsync(referral);
        await ExpectAsync<ReferralAccepted>(m => m.ReferralMessageId == id);
    }

    private async Task ReferInvalidOnTheBusAsync()
    {
        var referral = Referrals.Valid(address: Referrals.UniqueAddress(), phone: Secret("phone E", KnownNumbers.Phone()),
            idNumber: Secret("bad ID E", KnownNumbers.InvalidIdNumber())) with { DisputeType = "打麻将" };
        _invalidMessageId = await PublishAsync(referral);
        await ExpectAsync<ReferralRejected>(m => m.ReferralMessageId == _invalidMessageId);
    }

    /// <summary>Raw JSON, as a station system that is not .NET sends it, with a value of the wrong type.</summary>
    private async Task ReferUnreadableOnTheBusAsync()
    {
        var referral = Referrals.Valid(address: Referrals.UniqueAddress(), phone: Secret("phone F", KnownNumbers.Phone()),
            idNumber: Secret("ID F", KnownNumbers.IdNumber()));
        var body = JsonSerializer.SerializeToNode(referral, Json)!;
        body["risk"]!["partiesCount"] = "很多";
        _malformedMessageId = NewId.NextGuid();
        _sentByTheTest.Add(_malformedMessageId);
        var endpoint = await _harness.Bus.GetSendEndpoint(new Uri($"queue:{IncidentReferredConsumerDefinition.Queue}"));
        await endpoint.Send(new IncidentReferred(), ctx =>
        {
            ctx.MessageId = _malformedMessageId;
            ctx.Serializer = new CopyBodySerializer(new ContentType("application/json"), new StringMessageBody(body.ToJsonString()));
        });
        await Eventually.UntilAsync(() => _app.QueryAsync(db => db.DeadLetters.AnyAsync(d => d.MessageId == _malformedMessageId)), Timeout,
            "the unreadable message in the dead letters");
    }

    /// <summary>Every step of the handling, the numbers quoted in what people write.</summary>
    private async Task WorkTheCaseAsync(HttpClient fulian, HttpClient coordinator)
    {
        var (phoneA, idA, phoneB) = (_secrets["phone A"], _secrets["ID A"], _secrets["phone B"]);
        await ActAsync(fulian, "accept", new { note = $"已签收，联系人张三丰 {phoneA}" });
        await ActAsync(fulian, "record-progress", new { kind = "call", text = $"电话联系张三丰（{phoneA}）和李四（+86 {phoneB}）", nextStep = $"核对身份证{idA}" });
        await ActAsync(fulian, "request-co-handling", new { department = "sfs", note = $"请司法所协助，当事人电话{phoneA}" });
        await ActAsync(fulian, "hold", new { reason = $"张三丰（身份证{idA}）出差，等待其返回" });
        await ActAsync(fulian, "resume", new { note = $"张三丰已返回，电话{phoneA}" });
        await ActAsync(coordinator, "change-color", new { color = "red", reason = $"李四（{phoneB}）扬言报复" });
        await ActAsync(fulian, "close", new { outcome = "agreementReached", agreementSummary = $"双方达成协议：张三丰退还彩礼两万元，承诺不再拨打{phoneB}" });
        await ActAsync(fulian, "follow-up", new { calm = false, satisfaction = "dissatisfied", note = $"回访{phoneA}，称对方又来闹" });
        await ActAsync(fulian, "close", new { outcome = "resolvedOtherwise", agreementSummary = $"再次调解，李四（{phoneB}）表示不再纠缠" });
        await ActAsync(coordinator, "reopen", new { reason = $"张三丰（{phoneA}）再次报警" });
        await ActAsync(coordinator, "flag-turned-criminal", new { reason = $"李四（身份证号待查，手机{phoneB}）被打伤，已刑事立案" });
    }

    /// <summary>Lists, details and timelines, and a search by the caller's phone number (the summary holds it).</summary>
    private async Task ReadTheCaseAsync(params HttpClient[] readers)
    {
        var incident = await _app.QueryAsync(db => db.Cases.Where(c => c.Id == _caseId).Select(c => c.IncidentNumber).SingleAsync());
        foreach (var reader in readers)
            foreach (var path in new[] { $"/api/cases?text={incident}", $"/api/cases?text={_secrets["phone A"]}", "/api/cases?pageSize=100", $"/api/cases/{_caseId}", $"/api/cases/{_caseId}/timeline" })
                (await reader.GetAsync(path)).Dispose();
    }

    private async Task RevealAsync(HttpClient coordinator)
    {
        using var response = await coordinator.PostAsJsonAsync($"/api/cases/{_caseId}/reveal", new { reason = "上门调解前核实联系方式" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private async Task LookAtDigestsAsync(HttpClient admin)
    {
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"))
            .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var kind in new[] { "Daily", "Center" })
            (await admin.GetAsync($"/api/admin/digests?kind={kind}&period={today}")).Dispose();
        (await admin.GetAsync($"/admin/digests/preview?kind=Daily&period={today}&recipient=dept:fulian")).Dispose();
        foreach (var (kind, recipient) in new[] { ("daily", "dept:fulian"), ("daily", "dept:sfs"), ("center", "dept:center") })
        {
            using var resent = await admin.PostAsJsonAsync("/api/admin/digests/resend", new { kind, period = today, recipient });
            Assert.That(resent.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), $"{kind} digest for {recipient}");
        }
    }

    /// <summary>Until the outbox is relayed and the notifications it causes are queued.</summary>
    private async Task SettleAsync()
    {
        await Eventually.UntilAsync(() => _app.QueryAsync(async db =>
                await db.OutgoingMail.CountAsync(m => m.Kind == "case-reopened") >= 2 && await db.OutgoingMail.AnyAsync(m => m.Kind == "case-closed")
                // New cases are announced in batches (Notifications:RoutedWindow), so this mail comes last.
                && await db.OutgoingMail.AnyAsync(m => m.Kind == "case-routed")),
            Timeout, "the notification mails of the case");
        await Eventually.UntilAsync(() => _app.QueryAsync(db => db.Outbox.AllAsync(m => m.PublishedAt != null)), Timeout, "the outbox relayed");
    }

    private async Task ActAsync(HttpClient client, string action, object body)
    {
        using var response = await client.PostAsJsonAsync($"/api/cases/{_caseId}/{action}", body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{action}: {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<Guid> PublishAsync(IncidentReferred referral)
    {
        var id = NewId.NextGuid();
        _sentByTheTest.Add(id);
        await _harness.Bus.Publish(referral, ctx => ctx.MessageId = id);
        return id;
    }

    private async Task ExpectAsync<T>(Func<T, bool> match) where T : class
    {
        using var cts = new CancellationTokenSource(Timeout);
        Assert.That(await _harness.Published.Any<T>(m => match(m.Context.Message), cts.Token), Is.True, $"no {typeof(T).Name} within {Timeout.TotalSeconds:0} s");
    }

    private async Task<HttpClient> SignInAsync(string user)
    {
        var client = _app.CreateDefaultClient(new RecordingHandler(_answers));
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { userName = user, password = Clients.DemoPassword });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"sign-in as {user}");
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private string Secret(string name, string value) => _secrets[name] = value;

    private static bool IsReveal(Exchange a) => a.Request.EndsWith("/reveal", StringComparison.Ordinal) && a.Status == HttpStatusCode.OK;

    private static CancellationToken Now() => new(canceled: true);

    private void AssertClean(IEnumerable<(string Where, string? Text)> texts)
    {
        var leaks = (from t in texts
                     where t.Text is not null
                     from s in _secrets
                     let at = t.Text!.IndexOf(s.Value, StringComparison.Ordinal)
                     where at >= 0
                     select $"{s.Key} in {t.Where}: …{t.Text.Substring(Math.Max(0, at - 80), Math.Min(t.Text.Length - Math.Max(0, at - 80), 200))}…").ToList();
        Assert.That(leaks, Is.Empty, string.Join("\n", leaks.Take(20)));
    }

    /// <summary>Keeps every answer's status and body, as the caller read it.</summary>
    private sealed class RecordingHandler(ConcurrentQueue<Exchange> answers) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            answers.Enqueue(new Exchange($"{request.Method} {request.RequestUri?.PathAndQuery}", response.StatusCode,
                await response.Content.ReadAsStringAsync(cancellationToken)));
            return response;
        }
    }
}
