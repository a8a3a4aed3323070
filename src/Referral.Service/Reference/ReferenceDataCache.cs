using Microsoft.EntityFrameworkCore;
using Referral.Core.Reference;
using Referral.Core.Routing;
using Referral.Data;

namespace Referral.Service.Reference;

/// <summary>
/// Stations, departments, areas, dispute types and routing rules, held in memory for the intake.
/// Reloaded when an admin changes them here, and at least every <see cref="MaxAge"/> so that
/// changes made through another instance arrive too.
/// </summary>
public sealed class ReferenceDataCache(IServiceScopeFactory scopes, TimeProvider time) : IReferenceData
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private Snapshot _snapshot = Snapshot.Empty;

    private sealed record Snapshot(
        DateTimeOffset LoadedAt,
        IReadOnlyDictionary<string, Station> Stations,
        IReadOnlyDictionary<string, Department> Departments,
        IReadOnlyList<Area> Areas,
        IReadOnlyList<DisputeType> DisputeTypes,
        IReadOnlyList<RoutingRule> Rules)
    {
        public static readonly Snapshot Empty = new(DateTimeOffset.MinValue,
            new Dictionary<string, Station>(), new Dictionary<string, Department>(), [], [], []);
    }

    public IReadOnlyList<Area> Areas => _snapshot.Areas;
    public IReadOnlyList<DisputeType> DisputeTypes => _snapshot.DisputeTypes;
    public IReadOnlyList<RoutingRule> RoutingRules => _snapshot.Rules;
    public IEnumerable<Department> Departments => _snapshot.Departments.Values;
    public IEnumerable<Station> Stations => _snapshot.Stations.Values;

    public Station? FindStation(string code) => _snapshot.Stations.GetValueOrDefault(code);

    public Department? FindDepartment(string code) => _snapshot.Departments.GetValueOrDefault(code);

    public DisputeType? FindDisputeType(string codeOrName)
    {
        var text = codeOrName.Trim();
        return _snapshot.DisputeTypes.FirstOrDefault(t => t.IsActive && (
            t.Code.Equals(text, StringComparison.OrdinalIgnoreCase) || t.NameZh == text ||
            t.NameEn.Equals(text, StringComparison.OrdinalIgnoreCase)));
    }

    public string DepartmentName(string? code) => code is null ? "矛调中心（待分派）" : FindDepartment(code)?.Name ?? code;

    public string DisputeTypeName(string code) => _snapshot.DisputeTypes.FirstOrDefault(t => t.Code == code)?.NameZh ?? code;

    /// <summary>Makes sure the data is fresh enough; cheap when it is.</summary>
    public async Task EnsureFreshAsync(CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() - _snapshot.LoadedAt < MaxAge) return;
        await ReloadAsync(cancellationToken, onlyIfStale: true);
    }

    public Task InvalidateAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken, onlyIfStale: false);

    private async Task ReloadAsync(CancellationToken cancellationToken, bool onlyIfStale)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (onlyIfStale && time.GetUtcNow() - _snapshot.LoadedAt < MaxAge) return;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReferralDbContext>();
            var loadedAt = time.GetUtcNow();
            _snapshot = new Snapshot(
                loadedAt,
                (await db.Stations.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(s => s.Code, StringComparer.OrdinalIgnoreCase),
                (await db.Departments.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(d => d.Code, StringComparer.OrdinalIgnoreCase),
                await db.Areas.AsNoTracking().OrderBy(a => a.Code).ToListAsync(cancellationToken),
                await db.DisputeTypes.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(cancellationToken),
                await db.RoutingRules.AsNoTracking().Where(r => !r.IsRetired).OrderBy(r => r.Priority).ThenBy(r => r.Id).ToListAsync(cancellationToken));
        }
        finally
        {
            _loading.Release();
        }
    }
}
