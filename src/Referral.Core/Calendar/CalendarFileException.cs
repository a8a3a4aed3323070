namespace Referral.Core.Calendar;

/// <summary>The calendar file cannot be used; <see cref="Errors"/> names each entry at fault and what is wrong with it.</summary>
public sealed class CalendarFileException : Exception
{
    public CalendarFileException(IReadOnlyList<string> errors, string? source = null)
        : base(Describe(errors, source))
    {
        Errors = errors;
        SourceName = source;
    }

    public IReadOnlyList<string> Errors { get; }

    /// <summary>The file the errors are in, when it was loaded from a file.</summary>
    public string? SourceName { get; }

    private static string Describe(IReadOnlyList<string> errors, string? source) =>
        $"The calendar file{(source is null ? "" : $" {source}")} has {errors.Count} error{(errors.Count == 1 ? "" : "s")}:"
        + string.Concat(errors.Select(e => $"{Environment.NewLine}- {e}"));
}
