using System;
using System.Globalization;
using ArticleGen.Schema;

namespace ArticleGen.Binding;

/// <summary>Dates, times and durations in the format a property declares (<c>[ArticleField(Format = "M/d/yyyy")]</c>).</summary>
internal static class CustomFormat
{
    /// <summary>
    /// The culture formats are read with: invariant, with the two-digit-year window fixed (<c>yy</c> 00–49 is 20xx,
    /// 50–99 is 19xx, as .NET reads it today) instead of the host's (.NET Framework's, or a Windows user's setting).
    /// </summary>
    private static readonly CultureInfo FormatCulture = CreateFormatCulture();

    private static CultureInfo CreateFormatCulture()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.DateTimeFormat.Calendar.TwoDigitYearMax = 2049;
        return CultureInfo.ReadOnly(culture);
    }

    /// <summary>
    /// A value in the format a property declares (<c>[ArticleField(Format = "M/d/yyyy")]</c>): .NET's exact parsing with
    /// the invariant culture. The clock time and offset are taken as written (no offset is UTC): nothing is ever
    /// converted through the build machine's time zone. A format without a whole date is refused on the declaration
    /// (<see cref="HoldsWholeDate"/>), since parsing would fill in today's.
    /// </summary>
    public static BoundValue? Convert(string text, ValueKind kind, string format)
    {
        if (kind == ValueKind.TimeSpan)
        {
            return TimeSpan.TryParseExact(text, format, FormatCulture, out var duration) ? new TimeSpanValue(duration.Ticks) : null;
        }

        if (!DateTimeOffset.TryParseExact(text, format, FormatCulture, DateTimeStyles.AssumeUniversal, out var moment))
        {
            return null;
        }

        var clock = moment.DateTime; // as written, whatever the offset
        return kind switch
        {
            ValueKind.DateTimeOffset => new DateTimeOffsetValue(clock.Ticks, moment.Offset.Ticks),
            ValueKind.DateTime => new DateTimeValue(moment.UtcTicks),
            ValueKind.DateOnly => new DateOnlyValue(clock.Year, clock.Month, clock.Day),
            ValueKind.TimeOnly => new TimeOnlyValue(clock.TimeOfDay.Ticks),
            _ => null,
        };
    }

    /// <summary>
    /// Whether <paramref name="format"/> writes and reads back a whole date (year, month and day): a format without
    /// one (<c>MMM d</c>, <c>HH:mm</c>) would read every value as this year's or today's, a different value every day.
    /// </summary>
    public static bool HoldsWholeDate(string format)
    {
        foreach (var sample in new[] { new DateTime(2024, 5, 9, 13, 45, 30), new DateTime(2001, 12, 28, 4, 5, 6) })
        {
            string written;
            try
            {
                written = sample.ToString(format, FormatCulture);
            }
            catch (FormatException)
            {
                return false;
            }

            if (!DateTimeOffset.TryParseExact(written, format, FormatCulture, DateTimeStyles.AssumeUniversal, out var read) || read.DateTime.Date != sample.Date)
            {
                return false;
            }
        }

        return true;
    }
}
