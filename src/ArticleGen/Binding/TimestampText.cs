namespace ArticleGen.Binding;

/// <summary>
/// The parts of a YAML timestamp as written (contract §2): <c>2024-01-10</c>, then optionally a time after 'T', 't' or
/// blanks (<c>10:30</c>, <c>10:30:15</c>, <c>10:30:15.25</c>), blanks, and a zone (<c>Z</c>, <c>+1</c>, <c>+01</c>,
/// <c>+0130</c>, <c>+01:30</c>). Only the form is read here; whether the date is in the calendar and the time in the
/// day is <see cref="ScalarConverter"/>'s to decide.
/// </summary>
/// <remarks>
/// Read by hand, not by a regular expression: every date of every article goes through here, and the expression with
/// its named groups cost a microsecond and 1.6 KB a value, the largest part of inferring a schema.
/// <c>TimestampTextTests</c> holds it to the expression it replaces,
/// <c>^(?&lt;y&gt;[0-9]{4})-(?&lt;mo&gt;[0-9]{1,2})-(?&lt;d&gt;[0-9]{1,2})(?:(?:[Tt]|[ \t]+)(?&lt;h&gt;[0-9]{1,2}):(?&lt;mi&gt;[0-9]{2})(?::(?&lt;s&gt;[0-9]{2})(?:\.(?&lt;f&gt;[0-9]+))?)?[ \t]*(?&lt;z&gt;Z|z|(?&lt;sign&gt;[-+])(?&lt;oh&gt;[0-9]{1,2})(?::?(?&lt;om&gt;[0-9]{2}))?)?)?\z</c>,
/// part by part, over millions of generated strings.
/// </remarks>
internal readonly struct TimestampText
{
    public int Year { get; init; }

    public int Month { get; init; }

    public int Day { get; init; }

    /// <summary>Whether a time of day follows the date; <see cref="Hour"/> to <see cref="Second"/> and the fraction are 0 otherwise.</summary>
    public bool HasTime { get; init; }

    public int Hour { get; init; }

    public int Minute { get; init; }

    public int Second { get; init; }

    /// <summary>Where the fraction's digits start in the text (after the '.'), and how many there are (0 without a fraction).</summary>
    public int FractionStart { get; init; }

    public int FractionLength { get; init; }

    /// <summary>'+' or '-' when a numeric offset is written, '\0' otherwise (none, or <c>Z</c>).</summary>
    public char OffsetSign { get; init; }

    public int OffsetHours { get; init; }

    public int OffsetMinutes { get; init; }

    /// <summary>Reads <paramref name="text"/> whole as a timestamp's form; false where any of it does not fit.</summary>
    public static bool TryRead(string text, out TimestampText parts)
    {
        parts = default;
        var at = 0;
        if (!Digits(text, ref at, 4, 4, out var year) || !Char(text, ref at, '-')
            || !Digits(text, ref at, 1, 2, out var month) || !Char(text, ref at, '-')
            || !Digits(text, ref at, 1, 2, out var day))
        {
            return false;
        }

        parts = new TimestampText { Year = year, Month = month, Day = day };
        if (at == text.Length)
        {
            return true;
        }

        // The time: after 'T', 't', or one or more blanks.
        if (text[at] is 'T' or 't')
        {
            at++;
        }
        else if (!Blanks(text, ref at))
        {
            return false;
        }

        if (!Digits(text, ref at, 1, 2, out var hour) || !Char(text, ref at, ':') || !Digits(text, ref at, 2, 2, out var minute))
        {
            return false;
        }

        var second = 0;
        int fractionStart = 0, fractionLength = 0;
        if (at < text.Length && text[at] == ':')
        {
            at++;
            if (!Digits(text, ref at, 2, 2, out second))
            {
                return false;
            }

            if (at < text.Length && text[at] == '.')
            {
                at++;
                fractionStart = at;
                while (at < text.Length && IsDigit(text[at]))
                {
                    at++;
                }

                fractionLength = at - fractionStart;
                if (fractionLength == 0)
                {
                    return false;
                }
            }
        }

        Blanks(text, ref at);
        var sign = '\0';
        int offsetHours = 0, offsetMinutes = 0;
        if (at < text.Length && text[at] is 'Z' or 'z')
        {
            at++;
        }
        else if (at < text.Length && text[at] is '+' or '-')
        {
            sign = text[at++];

            // One or two digits of hours, then two of minutes, with or without ':'. Without it, the digits decide:
            // "+1" and "+01" are hours, "+130" is 1:30, "+0130" 01:30 (as the expression backtracks).
            var digitsStart = at;
            while (at < text.Length && IsDigit(text[at]) && at - digitsStart < 5)
            {
                at++;
            }

            var digits = at - digitsStart;
            if (digits is 0 or 5)
            {
                return false;
            }

            var hourDigits = digits switch { 3 => 1, 4 => 2, _ => digits };
            offsetHours = Number(text, digitsStart, hourDigits);
            if (digits > 2)
            {
                offsetMinutes = Number(text, digitsStart + hourDigits, 2);
            }
            else if (at < text.Length && text[at] == ':')
            {
                at++;
                if (!Digits(text, ref at, 2, 2, out offsetMinutes))
                {
                    return false;
                }
            }
        }

        if (at != text.Length)
        {
            return false;
        }

        parts = parts with
        {
            HasTime = true, Hour = hour, Minute = minute, Second = second, FractionStart = fractionStart, FractionLength = fractionLength,
            OffsetSign = sign, OffsetHours = offsetHours, OffsetMinutes = offsetMinutes,
        };
        return true;
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    /// <summary>Between <paramref name="min"/> and <paramref name="max"/> digits, as many as there are.</summary>
    private static bool Digits(string text, ref int at, int min, int max, out int value)
    {
        var start = at;
        while (at < text.Length && at - start < max && IsDigit(text[at]))
        {
            at++;
        }

        value = Number(text, start, at - start);
        return at - start >= min;
    }

    private static int Number(string text, int start, int length)
    {
        var value = 0;
        for (var i = start; i < start + length; i++)
        {
            value = (value * 10) + (text[i] - '0');
        }

        return value;
    }

    private static bool Char(string text, ref int at, char expected)
    {
        if (at < text.Length && text[at] == expected)
        {
            at++;
            return true;
        }

        return false;
    }

    private static bool Blanks(string text, ref int at)
    {
        var start = at;
        while (at < text.Length && text[at] is ' ' or '\t')
        {
            at++;
        }

        return at > start;
    }
}
