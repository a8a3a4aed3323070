using System.Reflection;
using Referral.Core.Routing;

namespace Referral.Core.Tests.Support;

/// <summary>Routing rules as an admin would enter them.</summary>
internal static class Rules
{
    private static readonly PropertyInfo IdProperty = typeof(RoutingRule).GetProperty(nameof(RoutingRule.Id))!;

    public static RoutingRule Rule(
        long id, int priority, string lead,
        string[]? types = null, string[]? areas = null, string[]? keywords = null, string[]? coHandlers = null,
        bool retired = false, string? name = null, int version = 1)
    {
        var rule = new RoutingRule
        {
            Name = name ?? $"rule {id}",
            Priority = priority,
            LeadDepartmentCode = lead,
            DisputeTypeCodes = [.. types ?? []],
            AreaCodes = [.. areas ?? []],
            Keywords = [.. keywords ?? []],
            CoHandlerCodes = [.. coHandlers ?? []],
            IsRetired = retired,
            Version = version,
        };
        // The database assigns rule ids (private setter); tests that depend on id order set it here.
        IdProperty.SetValue(rule, id);
        return rule;
    }
}
