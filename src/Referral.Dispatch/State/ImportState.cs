using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Referral.Dispatch.Referrals;

namespace Referral.Dispatch.State;

/// <summary>
/// The state file next to an imported CSV (<c>FILE.csv.state.jsonl</c>): one JSON line per row outcome,
/// appended and flushed as each answer arrives, so that a killed import loses nothing it was told and
/// a second run skips the rows already answered. The last line for a row wins.
/// </summary>
internal sealed class ImportState : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(ReferralJson.Options)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly Dictionary<int, StateRecord> _latest;
    private readonly FileStream _file;
    private readonly Lock _lock = new();

    private ImportState(string path, Dictionary<int, StateRecord> latest, int unreadableLines, FileStream file)
    {
        Path = path;
        _latest = latest;
        UnreadableLines = unreadableLines;
        _file = file;
    }

    public string Path { get; }

    /// <summary>Lines that could not be read, such as the half-written last line of a killed run.</summary>
    public int UnreadableLines { get; }

    public static string PathFor(string csvPath) => csvPath + ".state.jsonl";

    /// <param name="restart">Forget earlier runs: the file is emptied.</param>
    public static ImportState Open(string csvPath, bool restart)
    {
        var path = PathFor(csvPath);
        var latest = new Dictionary<int, StateRecord>();
        var unreadable = 0;
        if (!restart && File.Exists(path))
        {
            foreach (var line in File.ReadLines(path, Encoding.UTF8))
            {
                if (string.IsNullOrWhiteSpace(line)) continue;
                if (TryParse(line) is { } record) latest[record.Row] = record;
                else unreadable++;
            }
        }
        var file = new FileStream(path, restart ? FileMode.Create : FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        EndWithNewLine(file);
        return new ImportState(path, latest, unreadable, file);
    }

    /// <summary>The row's final outcome from an earlier run, when its content has not changed since.</summary>
    public StateRecord? Answered(int row, Guid? messageId) =>
        _latest.TryGetValue(row, out var record) && record.IsFinal && record.MessageId == messageId ? record : null;

    public void Append(StateRecord record)
    {
        var line = JsonSerializer.SerializeToUtf8Bytes(record, Json);
        lock (_lock)
        {
            _file.Write(line);
            _file.WriteByte((byte)'\n');
            // To the operating system at once: a killed process then loses nothing. (No fsync per row:
            // surviving a power cut is not worth a disk flush per answer; the broker and service are the record.)
            _file.Flush();
            _latest[record.Row] = record;
        }
    }

    public void Dispose() => _file.Dispose();

    private static StateRecord? TryParse(string line)
    {
        try
        {
            return JsonSerializer.Deserialize<StateRecord>(line, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Positions at the end; a torn last line gets its line break so the next record starts on a line of its own.</summary>
    private static void EndWithNewLine(FileStream file)
    {
        file.Seek(0, SeekOrigin.End);
        if (file.Length == 0) return;
        file.Seek(-1, SeekOrigin.End);
        var last = file.ReadByte();
        if (last != '\n') file.WriteByte((byte)'\n');
        file.Flush();
    }
}
