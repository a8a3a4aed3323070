using Referral.Service.Admin;
using Referral.Service.Calendar;
using Referral.Service.Cases;
using Referral.Service.Coordination;
using Referral.Service.Dashboard;
using Referral.Service.Demo;
using Referral.Service.Digests;
using Referral.Service.Escalation;
using Referral.Service.Health;
using Referral.Service.Identity;
using Referral.Service.Infrastructure;
using Referral.Service.Intake;
using Referral.Service.Mail;
using Referral.Service.Messaging;
using Referral.Service.Notifications;
using Referral.Service.Reference;
using Referral.Service.Routing;
using Referral.Service.Scheduling;
using Referral.Service.Web;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddReferralData();
builder.AddIdentityAndAccess();
builder.AddRateLimits();
builder.AddMessaging();
builder.AddCalendar();
builder.AddEscalation();
builder.AddIntake();
builder.AddCases();
builder.AddRoutingRules();
builder.AddCoordination();
builder.AddAdministration();
builder.AddDashboard();
builder.AddMail();
builder.AddNotifications();
builder.AddDigests();
builder.AddScheduling();
builder.AddDemo();
builder.AddHealth();
builder.AddWeb();

var app = builder.Build();

app.UseServiceDefaults();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.MapHealth();
app.MapAuthEndpoints();
app.MapReferralEndpoints();
app.MapCases();
app.MapStatistics();
app.MapRoutingEndpoints();
app.MapReferenceEndpoints();
app.MapApiKeyEndpoints();
app.MapUserEndpoints();
app.MapDigestEndpoints();
app.MapDeadLetterEndpoints();
app.MapWeb();

await app.RunAsync();

/// <summary>Entry point; public so that tests can host the service.</summary>
public partial class Program;
