using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Primitives;

namespace Referral.Service.Cases.Actions;

/// <summary>
/// The values an action's form posted (<c>Act.{Name}</c>), and the errors of those that could not be
/// read as the request's types. Descriptors read their request from it.
/// </summary>
public sealed class ActionFormValues(IReadOnlyDictionary<string, StringValues> values, IStringLocalizer? texts = null)
{
    public const string Prefix = "Act.";

    public static ActionFormValues Empty { get; } = new(new Dictionary<string, StringValues>());

    public Dictionary<string, string[]> Errors { get; } = [];

    /// <param name="texts">The form's texts (<c>ActionForm</c>), for the messages of rules only the pages apply.</param>
    public static ActionFormValues Of(IFormCollection form, IStringLocalizer texts) =>
        new(form.Where(f => f.Key.StartsWith(Prefix, StringComparison.Ordinal))
            .ToDictionary(f => f.Key[Prefix.Length..], f => f.Value, StringComparer.OrdinalIgnoreCase), texts);

    /// <summary>The version of the case the form was shown for.</summary>
    public int? Version => int.TryParse(Text("version"), out var version) ? version : null;

    public string? Text(string name) => values.TryGetValue(name, out var v) && v.Count > 0 ? v[^1] : null;

    public IReadOnlyList<string> Texts(string name) =>
        values.TryGetValue(name, out var v) ? v.OfType<string>().Where(s => s.Length > 0).ToList() : [];

    /// <summary>A choice of an enum; an unknown value is an error of the field, an empty one is left to the action's checks.</summary>
    public T? Choice<T>(string name, string unknown) where T : struct, Enum
    {
        var text = Text(name);
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value)) return value;
        Error(name, unknown);
        return null;
    }

    /// <summary>A case's id; an empty or unreadable one is left to the action's checks (it names the field as required).</summary>
    public Guid? Id(string name) => Guid.TryParse(Text(name), out var id) ? id : null;

    public bool? YesNo(string name) => Text(name) switch { "true" => true, "false" => false, _ => null };

    public void Error(string field, string message) => Errors[field] = [message];

    /// <summary>A text of the form in the person's language.</summary>
    public string Say(string key) => texts?[key].Value ?? key;
}
