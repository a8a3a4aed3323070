using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Referral.Core.Calendar;
using Referral.Core.Cases;

namespace Referral.Service.Calendar;

/// <summary>
/// The current working calendar, read from the admin's file at start and again whenever the file
/// changes, without a restart. A file with errors is refused as a whole: the previous calendar
/// stays in force and the errors are logged and shown to admins.
/// </summary>
public sealed class CalendarProvider : IWorkingTime, IDisposable
{
    private readonly ILogger<CalendarProvider> _logger;
    private readonly PhysicalFileProvider _files;
    private readonly string _fileName;
    private IDisposable? _watch;
    private WorkingCalendar _current;

    public CalendarProvider(IOptions<CalendarOptions> options, IHostEnvironment environment, ILogger<CalendarProvider> logger)
    {
        _logger = logger;
        Path = Resolve(options.Value.File, environment.ContentRootPath);
        _files = new PhysicalFileProvider(System.IO.Path.GetDirectoryName(Path)!);
        _fileName = System.IO.Path.GetFileName(Path);
        _current = CalendarFile.Load(Path);
        LoadedAt = DateTimeOffset.UtcNow;
        Watch();
        _logger.LogInformation("Working calendar loaded from {Path}: {Holidays} holidays, {WorkingDays} swapped working days",
            Path, _current.Holidays.Count, _current.WorkingWeekendDays.Count);
    }

    public WorkingCalendar Current => Volatile.Read(ref _current);
    public string Path { get; }
    public DateTimeOffset LoadedAt { get; private set; }

    /// <summary>Why the last change of the file was refused, if it was.</summary>
    public string? LastError { get; private set; }

    public event Action<WorkingCalendar>? Reloaded;

    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to) => Current.WorkingTimeBetween(from, to);

    /// <summary>Reads the file again now (also done on every change of the file).</summary>
    public bool Reload()
    {
        try
        {
            var calendar = CalendarFile.Load(Path);
            Volatile.Write(ref _current, calendar);
            LastError = null;
            LoadedAt = DateTimeOffset.UtcNow;
            _logger.LogInformation("Working calendar reloaded from {Path}", Path);
            Reloaded?.Invoke(calendar);
            return true;
        }
        catch (Exception ex) when (ex is CalendarFileException or IOException)
        {
            LastError = ex.Message;
            _logger.LogError("The calendar file {Path} was refused; the previous calendar stays in force: {Error}", Path, ex.Message);
            return false;
        }
    }

    /// <summary>
    /// Replaces the file with <paramref name="json"/> if it is a usable calendar, and loads it. A refused
    /// text changes nothing; the answer lists every error. With several instances the file must be on
    /// storage they share (each one watches it).
    /// </summary>
    public IReadOnlyList<string> Replace(string json)
    {
        try
        {
            CalendarFile.Parse(json);
        }
        catch (CalendarFileException ex)
        {
            return ex.Errors;
        }
        var temporary = Path + ".uploading";
        try
        {
            File.WriteAllText(temporary, json);
            File.Move(temporary, Path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogError("The calendar file {Path} could not be written: {Error}", Path, ex.Message);
            return [$"the file could not be written: {ex.Message}"];
        }
        return Reload() ? [] : [LastError ?? "the file was written but could not be loaded"];
    }

    private void Watch()
    {
        _watch = ChangeToken.OnChange(() => _files.Watch(_fileName), () => Reload());
    }

    private static string Resolve(string file, string contentRoot)
    {
        if (System.IO.Path.IsPathRooted(file)) return file;
        var candidates = new[] { System.IO.Path.Combine(contentRoot, file), System.IO.Path.Combine(AppContext.BaseDirectory, file) };
        return candidates.FirstOrDefault(File.Exists)
               ?? throw new FileNotFoundException($"The calendar file {file} was found neither under {contentRoot} nor under {AppContext.BaseDirectory}; set Calendar:File.");
    }

    public void Dispose()
    {
        _watch?.Dispose();
        _files.Dispose();
    }
}
