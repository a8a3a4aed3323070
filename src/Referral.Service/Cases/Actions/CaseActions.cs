using Referral.Core.Cases;

namespace Referral.Service.Cases.Actions;

/// <summary>Every action descriptor of this assembly, found by type: a new descriptor file is all it takes to be listed.</summary>
public static class CaseActions
{
    public static IReadOnlyList<CaseActionDescriptor> All { get; } = typeof(CaseActionDescriptor).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsClass: true } && t.IsSubclassOf(typeof(CaseActionDescriptor)))
        .Select(t => (CaseActionDescriptor)Activator.CreateInstance(t)!)
        .OrderBy(d => d.Action)
        .ToList();

    private static readonly Dictionary<CaseAction, CaseActionDescriptor> ByAction = All.ToDictionary(d => d.Action);
    private static readonly Dictionary<string, CaseActionDescriptor> BySlug = All.ToDictionary(d => d.Slug);

    public static CaseActionDescriptor For(CaseAction action) =>
        ByAction.TryGetValue(action, out var descriptor) ? descriptor : throw new ArgumentException($"no descriptor for {action}", nameof(action));

    public static CaseActionDescriptor? Find(string? slug) => slug is not null && BySlug.TryGetValue(slug, out var d) ? d : null;
}
