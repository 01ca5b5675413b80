using System;
using System.Globalization;
using System.Text.RegularExpressions;
using ArticleGen.Schema;

namespace ArticleGen.Binding;

/// <summary>
/// Converts a scalar's text by its declared type, never by YAML 1.1 guessing (<c>no</c> bound to a string is "no").
/// Every parse is culture-invariant and none reads the clock or the time zone: the same text always gives the
/// same value, on every machine.
/// </summary>
internal static class ScalarConverter
{
    private static readonly Regex DecimalInteger = new(@"^[-+]?[0-9]+\z", RegexOptions.CultureInvariant);
    private static readonly Regex FloatNumber = new(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\z", RegexOptions.CultureInvariant);

    private static readonly Regex TimeOfDay = new(
        @"^(?<h>[0-9]{1,2}):(?<mi>[0-9]{2})(?::(?<s>[0-9]{2})(?:\.(?<f>[0-9]{1,7}))?)?\z",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    private static readonly Regex IsoDuration = new(
        @"^(?<neg>-)?P(?:(?<y>[0-9]+)Y)?(?:(?<mo>[0-9]+)M)?(?:(?<w>[0-9]+)W)?(?:(?<d>[0-9]+)D)?" +
        @"(?:T(?:(?<h>[0-9]+)H)?(?:(?<mi>[0-9]+)M)?(?:(?<s>[0-9]+)(?:\.(?<f>[0-9]+))?S)?)?\z",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    private static readonly Regex ClockDuration = new(
        @"^(?<neg>-)?(?:(?<d>[0-9]+)\.)?(?<h>[0-9]{1,2}):(?<mi>[0-9]{2})(?::(?<s>[0-9]{2})(?:\.(?<f>[0-9]{1,7}))?)?\z",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    /// <summary>Converts <paramref name="text"/> to <paramref name="type"/>'s kind; on failure says why in <paramref name="problem"/> (may be empty).</summary>
    public static BoundValue? Convert(string text, FieldType type, out string problem)
    {
        problem = "";
        if (type.Format is not null && type.IsTemporal)
        {
            return CustomFormat.Convert(text, type.Kind, type.Format);
        }

        switch (type.Kind)
        {
            case ValueKind.String:
                return new StringValue(text);
            case ValueKind.Boolean:
                return text switch
                {
                    "true" or "True" or "TRUE" => new BooleanValue(true),
                    "false" or "False" or "FALSE" => new BooleanValue(false),
                    _ => null,
                };
            case ValueKind.Int32:
                return ParseInteger(text, int.MinValue, int.MaxValue, out var int32, ref problem) ? new Int32Value((int)int32) : null;
            case ValueKind.Int64:
                return ParseInteger(text, long.MinValue, long.MaxValue, out var int64, ref problem) ? new Int64Value(int64) : null;
            case ValueKind.Double:
                return ParseDouble(text, out var number, ref problem) ? new DoubleValue(number) : null;
            case ValueKind.Decimal:
                if (FloatNumber.IsMatch(text))
                {
                    if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var money))
                    {
                        return new DecimalValue(money);
                    }

                    problem = ", which is out of Decimal's range";
                }

                return null;
            case ValueKind.DateTime:
                return ParseTimestamp(text, out var clock, out var offset, ref problem)
                    ? new DateTimeValue(clock.Ticks - offset.Ticks)
                    : null;
            case ValueKind.DateTimeOffset:
                return ParseTimestamp(text, out clock, out offset, ref problem)
                    ? new DateTimeOffsetValue(clock.Ticks, offset.Ticks)
                    : null;
            case ValueKind.DateOnly:
                // The date as written, in any of the timestamp forms (a time and an offset are allowed and ignored).
                return ParseTimestamp(text, out var written, out _, ref problem)
                    ? new DateOnlyValue(written.Year, written.Month, written.Day)
                    : null;
            case ValueKind.TimeOnly:
                var time = TimeOfDay.Match(text);
                if (time.Success && TryClock(time, out var timeOfDay) && timeOfDay < TimeSpan.TicksPerDay)
                {
                    return new TimeOnlyValue(timeOfDay);
                }

                return null;
            case ValueKind.TimeSpan:
                return ParseDuration(text, out var duration, ref problem) ? new TimeSpanValue(duration) : null;
            case ValueKind.Uri:
                return Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out _) ? new UriValue(text) : null;
            case ValueKind.Guid:
                return Guid.TryParse(text, out var guid) ? new GuidValue(guid.ToString("D")) : null;
            default:
                return null;
        }
    }

    /// <summary>YAML 1.2's integers: decimal with an optional sign, <c>0x</c> hexadecimal, <c>0o</c> octal.</summary>
    private static bool ParseInteger(string text, long min, long max, out long value, ref string problem)
    {
        value = 0;
        bool parsed;
        if (text.StartsWith("0x", StringComparison.Ordinal) && text.Length > 2)
        {
            parsed = long.TryParse(text.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value) && value >= 0;
            if (!parsed && IsDigits(text.Substring(2), hex: true))
            {
                problem = ", which is out of range";
            }
        }
        else if (text.StartsWith("0o", StringComparison.Ordinal) && text.Length > 2)
        {
            parsed = true;
            foreach (var c in text.Substring(2))
            {
                if (c is < '0' or > '7')
                {
                    parsed = false;
                    break;
                }

                if (value > (long.MaxValue >> 3))
                {
                    parsed = false;
                    problem = IsOctalDigits(text.Substring(2)) ? ", which is out of range" : "";
                    break;
                }

                value = (value << 3) + (c - '0');
            }
        }
        else if (DecimalInteger.IsMatch(text))
        {
            parsed = long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
            if (!parsed)
            {
                problem = ", which is out of range";
            }
        }
        else
        {
            return false;
        }

        if (parsed && (value < min || value > max))
        {
            problem = ", which is out of range";
            return false;
        }

        return parsed;
    }

    private static bool IsOctalDigits(string text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '7')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDigits(string text, bool hex)
    {
        foreach (var c in text)
        {
            if (!(c is >= '0' and <= '9' || (hex && c is >= 'a' and <= 'f' or >= 'A' and <= 'F')))
            {
                return false;
            }
        }

        return text.Length > 0;
    }

    /// <summary>YAML 1.2's floats, including <c>.inf</c>, <c>-.inf</c> and <c>.nan</c>.</summary>
    private static bool ParseDouble(string text, out double value, ref string problem)
    {
        switch (text)
        {
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                value = double.PositiveInfinity;
                return true;
            case "-.inf" or "-.Inf" or "-.INF":
                value = double.NegativeInfinity;
                return true;
            case ".nan" or ".NaN" or ".NAN":
                value = double.NaN;
                return true;
        }

        value = 0;
        if (!FloatNumber.IsMatch(text) || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        if (double.IsInfinity(value))
        {
            problem = ", which is out of Double's range";
            return false;
        }

        // .NET Framework (Visual Studio's generator host) parses "-0.0" as 0.0.
        if (value == 0 && text[0] == '-')
        {
            value = -0.0;
        }

        return true;
    }

    /// <summary>
    /// YAML's timestamps (ISO 8601 with 'T', 't' or spaces between date and time); no offset means UTC.
    /// </summary>
    private static bool ParseTimestamp(string text, out DateTime clock, out TimeSpan offset, ref string problem)
    {
        clock = default;
        offset = TimeSpan.Zero;
        if (!TimestampText.TryRead(text, out var parts))
        {
            return false;
        }

        if (parts.Year < 1 || parts.Month is < 1 or > 12 || parts.Day < 1 || parts.Day > DateTime.DaysInMonth(parts.Year, parts.Month))
        {
            problem = ", which is not a date in the calendar";
            return false;
        }

        var date = new DateTime(parts.Year, parts.Month, parts.Day, 0, 0, 0, DateTimeKind.Unspecified);
        long timeOfDay = 0;
        if (parts.HasTime
            && !TryClock(parts.Hour, parts.Minute, parts.Second, FractionTicks(parts.FractionLength == 0 ? null : text.Substring(parts.FractionStart, parts.FractionLength)), out timeOfDay))
        {
            problem = ", which is not a valid time of day";
            return false;
        }

        if (timeOfDay >= TimeSpan.TicksPerDay)
        {
            problem = ", which is not a valid time of day";
            return false;
        }

        if (parts.OffsetSign != '\0')
        {
            var hours = parts.OffsetHours;
            var minutes = parts.OffsetMinutes;
            if (hours > 14 || minutes > 59 || (hours == 14 && minutes > 0))
            {
                problem = ", whose offset is out of range (at most ±14:00)";
                return false;
            }

            offset = new TimeSpan(hours, minutes, 0);
            if (parts.OffsetSign == '-')
            {
                offset = offset.Negate();
            }
        }

        var ticks = date.Ticks + timeOfDay;
        var utc = ticks - offset.Ticks;
        if (utc < DateTime.MinValue.Ticks || utc > DateTime.MaxValue.Ticks)
        {
            problem = ", which is out of range";
            return false;
        }

        clock = new DateTime(ticks, DateTimeKind.Unspecified);
        return true;
    }

    /// <summary>Reads h, mi, s and f groups into ticks; false where minutes or seconds exceed 59.</summary>
    private static bool TryClock(Match match, out long ticks) =>
        TryClock(Number(match, "h"), Number(match, "mi"), match.Groups["s"].Success ? Number(match, "s") : 0, FractionTicks(match), out ticks);

    private static bool TryClock(int hours, int minutes, int seconds, long fractionTicks, out long ticks)
    {
        ticks = 0;
        if (minutes > 59 || seconds > 59)
        {
            return false;
        }

        ticks = (((hours * 60L) + minutes) * 60L + seconds) * TimeSpan.TicksPerSecond + fractionTicks;
        return true;
    }

    private static long FractionTicks(Match match) => FractionTicks(match.Groups["f"] is { Success: true } group ? group.Value : null);

    /// <summary>A decimal fraction of a second in ticks; digits past the seventh (100 ns) are dropped.</summary>
    private static long FractionTicks(string? digits)
    {
        if (digits is null)
        {
            return 0;
        }

        digits = digits.Length > 7 ? digits.Substring(0, 7) : digits.PadRight(7, '0');
        return long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary>ISO 8601 durations (a year is 365 days and a month 30, as XmlConvert counts them) and [d.]hh:mm[:ss].</summary>
    private static bool ParseDuration(string text, out long ticks, ref string problem)
    {
        ticks = 0;
        var iso = IsoDuration.Match(text);
        Match match;
        decimal total;
        if (iso.Success && text != "P" && text != "-P" && !text.EndsWith("T", StringComparison.Ordinal))
        {
            match = iso;
            total = (Big(iso, "y") * 365m) + (Big(iso, "mo") * 30m) + (Big(iso, "w") * 7m) + Big(iso, "d");
            total = (((total * 24m) + Big(iso, "h")) * 60m + Big(iso, "mi")) * 60m + Big(iso, "s");
        }
        else
        {
            match = ClockDuration.Match(text);
            if (!match.Success || Number(match, "mi") > 59 || (match.Groups["s"].Success && Number(match, "s") > 59))
            {
                return false;
            }

            total = (((Big(match, "d") * 24m) + Big(match, "h")) * 60m + Big(match, "mi")) * 60m + Big(match, "s");
        }

        total = (total * TimeSpan.TicksPerSecond) + FractionTicks(match);
        if (match.Groups["neg"].Success)
        {
            total = -total;
        }

        if (total > TimeSpan.MaxValue.Ticks || total < TimeSpan.MinValue.Ticks)
        {
            problem = ", which is out of TimeSpan's range";
            return false;
        }

        ticks = (long)total;
        return true;
    }

    private static int Number(Match match, string group) =>
        int.TryParse(match.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : int.MaxValue;

    /// <summary>A duration component, or 0 when absent; large enough that overflow is caught by the range check.</summary>
    private static decimal Big(Match match, string group)
    {
        var captured = match.Groups[group];
        if (!captured.Success)
        {
            return 0m;
        }

        return captured.Value.Length > 20 ? decimal.MaxValue / 1_000_000_000_000m : decimal.Parse(captured.Value, NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
