using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Referral.Core.Cases.Events;

/// <summary>
/// What happened to a case in one step of its trajectory (轨迹), as a typed record: a domain method
/// records one, the save hook turns it into a timeline row and the bus event it implies. The
/// timeline stores it serialised (<see cref="Serialize"/>), so that free text typed by a person is a
/// JSON string value and cannot pose as another fact, and the chain's hash covers that form.
/// </summary>
/// <remarks>
/// The discriminator of each kind is its stored name: it never changes once written. A kind gains
/// fields by adding optional ones (older rows deserialise with their default).
/// </remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "step")]
[JsonDerivedType(typeof(Referred), "refer")]
[JsonDerivedType(typeof(Graded), "grade")]
[JsonDerivedType(typeof(Regraded), "regrade")]
[JsonDerivedType(typeof(RecurrenceLinked), "link-recurrence")]
[JsonDerivedType(typeof(Routed), "route")]
[JsonDerivedType(typeof(SentToTriage), "send-to-triage")]
[JsonDerivedType(typeof(Amended), "amend")]
[JsonDerivedType(typeof(Assigned), "assign")]
[JsonDerivedType(typeof(Accepted), "accept")]
[JsonDerivedType(typeof(Rejected), "reject")]
[JsonDerivedType(typeof(ProgressRecorded), "record-progress")]
[JsonDerivedType(typeof(CoHandlingRequested), "request-co-handling")]
[JsonDerivedType(typeof(Transferred), "transfer")]
[JsonDerivedType(typeof(ColorChanged), "change-color")]
[JsonDerivedType(typeof(PutOnHold), "hold")]
[JsonDerivedType(typeof(Resumed), "resume")]
[JsonDerivedType(typeof(Closed), "close")]
[JsonDerivedType(typeof(FollowUpRecorded), "follow-up")]
[JsonDerivedType(typeof(Reopened), "reopen")]
[JsonDerivedType(typeof(FlaggedTurnedCriminal), "flag-turned-criminal")]
[JsonDerivedType(typeof(Escalated), "escalate")]
[JsonDerivedType(typeof(Warned), "warn")]
[JsonDerivedType(typeof(LinkSuggested), "suggest-link")]
[JsonDerivedType(typeof(LinkConfirmed), "confirm-link")]
[JsonDerivedType(typeof(LinkDismissed), "dismiss-link")]
public abstract record CaseEvent
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // The stored form is hashed: no indentation, and no escaping beyond what JSON requires, so that Chinese text stays readable.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The action this step is on the timeline.</summary>
    [JsonIgnore]
    public abstract CaseAction Action { get; }

    /// <summary>The step's text as the timeline shows it (a reason, a note, an explanation), if any.</summary>
    [JsonIgnore]
    public virtual string? Note => null;

    /// <summary>The step's facts as the API has always listed them ("details"): codes and values, keyed by name.</summary>
    public IReadOnlyDictionary<string, string> Facts()
    {
        var facts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in ListFacts())
            if (value is { Length: > 0 }) facts[key] = value;
        return facts;
    }

    protected virtual IEnumerable<(string Key, string? Value)> ListFacts() => [];

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static CaseEvent Deserialize(string payload) =>
        JsonSerializer.Deserialize<CaseEvent>(payload, Json) ?? throw new JsonException("an empty timeline payload");

    protected static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    protected static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    protected static string List(IReadOnlyList<string> codes) => string.Join(',', codes);
}
