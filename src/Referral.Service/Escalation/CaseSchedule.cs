using Microsoft.Extensions.Options;
using Referral.Core.Cases;
using Referral.Core.Deadlines;
using Referral.Service.Calendar;

namespace Referral.Service.Escalation;

/// <summary>
/// The deadline and escalation rules on the current working calendar and the configured windows;
/// rebuilt when the calendar file or the options change.
/// </summary>
public sealed class CaseSchedule : IDisposable
{
    private readonly CalendarProvider _calendar;
    private readonly IDisposable? _optionsChange;
    private DeadlineOptions _options;
    private (EscalationPolicy Policy, string Version) _current;

    public CaseSchedule(CalendarProvider calendar, IOptionsMonitor<DeadlineOptions> options)
    {
        _calendar = calendar;
        _options = options.CurrentValue;
        _current = Build();
        _calendar.Reloaded += _ => Rebuild();
        _optionsChange = options.OnChange(o =>
        {
            _options = o;
            Rebuild();
        });
    }

    public EscalationPolicy Escalation => _current.Policy;
    public DeadlinePolicy Deadlines => Escalation.Deadlines;

    /// <summary>
    /// A fingerprint of the rules in force (calendar file and deadline options): cases scheduled
    /// under another version get their deadlines recomputed by the sweep.
    /// </summary>
    public string Version => _current.Version;

    /// <summary>Recomputes the case's deadlines and next check after a change.</summary>
    public void Refresh(Case c)
    {
        var (policy, version) = _current;
        c.Schedule(policy, version);
    }

    private void Rebuild() => _current = Build();

    private (EscalationPolicy, string) Build()
    {
        var calendar = _calendar.Current;
        var fingerprint = System.Text.Json.JsonSerializer.Serialize(new
        {
            Calendar = File.Exists(_calendar.Path) ? Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(_calendar.Path))) : "",
            Options = _options,
        });
        var version = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(fingerprint)))[..16];
        return (new EscalationPolicy(new DeadlinePolicy(calendar, _options)), version);
    }

    public void Dispose() => _optionsChange?.Dispose();
}
