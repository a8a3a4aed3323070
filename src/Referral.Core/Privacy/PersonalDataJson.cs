using System.Text.Json;
using System.Text.Json.Nodes;

namespace Referral.Core.Privacy;

/// <summary>
/// Masks the personal data in a referral-shaped JSON document (or a MassTransit envelope holding
/// one) before it is kept anywhere people read: error queues, logs. Parties' names, phones, ID
/// numbers and addresses are masked by field; every other string is scanned for phone and ID
/// numbers and for the parties' names. Text that is not JSON is scanned the same way.
/// </summary>
public static class PersonalDataJson
{
    public static string Mask(string text)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return PersonalData.MaskText(text);
        }
        if (root is null) return text;
        var names = new List<string>();
        CollectNames(root, names);
        MaskNode(root, names);
        return root.ToJsonString();
    }

    private static void CollectNames(JsonNode node, List<string> names)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key.Equals("parties", StringComparison.OrdinalIgnoreCase) && value is JsonArray parties)
                        names.AddRange(parties.OfType<JsonObject>().Select(p => Property(p, "name")).OfType<string>());
                    if (value is not null) CollectNames(value, names);
                }
                break;
            case JsonArray array:
                foreach (var item in array.OfType<JsonNode>()) CollectNames(item, names);
                break;
        }
    }

    private static void MaskNode(JsonNode node, IReadOnlyList<string> names)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    var value = obj[key];
                    if (value is JsonValue v && v.TryGetValue<string>(out var s)) obj[key] = MaskField(key, s, names);
                    else if (value is not null) MaskNode(value, names);
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue v && v.TryGetValue<string>(out var s)) array[i] = PersonalData.MaskText(s, names);
                    else if (array[i] is { } child) MaskNode(child, names);
                }
                break;
        }
    }

    private static string MaskField(string key, string value, IReadOnlyList<string> names) => key.ToLowerInvariant() switch
    {
        "name" => PersonalData.MaskName(value),
        "phone" => PersonalData.MaskPhone(value),
        "idnumber" => PersonalData.MaskIdNumber(value),
        "address" => PersonalData.MaskAddress(value),
        _ => PersonalData.MaskText(value, names),
    };

    private static string? Property(JsonObject obj, string name) =>
        obj.FirstOrDefault(p => p.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
