using ArticleGen.Schema;

namespace ArticleGen.Binding;

/// <summary>
/// Names the format a date that did not read seems to be written in (<c>05/09/2022</c> reads as <c>M/d/yyyy</c>), so
/// that ART005 and its summary, ART021, can say which <c>[ArticleField(Format = …)]</c> would read it.
/// </summary>
internal static class DateFormatGuess
{
    /// <summary>
    /// Formats real sites write, most common first; month-first before day-first, as the US-English sites that write
    /// numeric dates this way do (a value whose first number is over 12 falls through to day-first).
    /// One-letter fields (<c>M</c>, <c>d</c>, <c>H</c>) also read two digits, so one format covers <c>5/9</c> and <c>05/09</c>.
    /// </summary>
    private static readonly string[] Candidates =
    [
        "M/d/yyyy", "d/M/yyyy", "d.M.yyyy", "yyyy/M/d", "yyyy.M.d", "d-M-yyyy", "M-d-yyyy", "yyyyMMdd",
        "M/d/yyyy H:mm", "M/d/yyyy H:mm:ss", "M/d/yyyy h:mm tt", "M/d/yyyy h:mm:ss tt",
        "d/M/yyyy H:mm", "d/M/yyyy H:mm:ss", "d.M.yyyy H:mm", "d.M.yyyy H:mm:ss", "yyyy/M/d H:mm", "yyyy/M/d H:mm:ss",
        "MMMM d, yyyy", "MMM d, yyyy", "d MMMM yyyy", "d MMM yyyy", "MMMM d yyyy", "MMM d yyyy",
        "ddd, d MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm:ss 'GMT'", "ddd MMM d HH:mm:ss yyyy",
        "M/d/yy", "d.M.yy",
    ];

    /// <summary>The first format that reads <paramref name="text"/> as <paramref name="kind"/>, or null.</summary>
    public static string? For(string text, ValueKind kind)
    {
        if (kind is not (ValueKind.DateTime or ValueKind.DateTimeOffset or ValueKind.DateOnly) || text.Length > 64)
        {
            return null;
        }

        foreach (var format in Candidates)
        {
            if (CustomFormat.Convert(text, kind, format) is not null)
            {
                return format;
            }
        }

        return null;
    }

    /// <summary>What a message adds to a date that did not read: the format that would read it, or that one can be declared.</summary>
    public static string Hint(string text, FieldType type)
    {
        if (!type.IsTemporal || type.Format is not null)
        {
            return "";
        }

        var format = For(text, type.Kind);
        return format is null
            ? "; a site's own format can be declared with [ArticleField(Format = \"…\")], a .NET custom format string"
            : $"; it reads as the format '{format}': declare [ArticleField(Format = \"{format}\")] on the property";
    }
}
