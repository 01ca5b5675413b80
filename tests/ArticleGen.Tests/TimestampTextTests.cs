using System.Text;
using System.Text.RegularExpressions;
using ArticleGen.Binding;
using Xunit;

namespace ArticleGen.Tests;

/// <summary>
/// Timestamps are read by hand (<see cref="TimestampText"/>) where a regular expression read them before: the two
/// must agree on which texts are timestamps and on every part, for any text.
/// </summary>
public sealed class TimestampTextTests
{
    /// <summary>The expression the converter matched timestamps with until it read them by hand.</summary>
    private static readonly Regex Expression = new(
        @"^(?<y>[0-9]{4})-(?<mo>[0-9]{1,2})-(?<d>[0-9]{1,2})" +
        @"(?:(?:[Tt]|[ \t]+)(?<h>[0-9]{1,2}):(?<mi>[0-9]{2})(?::(?<s>[0-9]{2})(?:\.(?<f>[0-9]+))?)?" +
        @"[ \t]*(?<z>Z|z|(?<sign>[-+])(?<oh>[0-9]{1,2})(?::?(?<om>[0-9]{2}))?)?)?\z",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    private static void AssertAgrees(string text)
    {
        var match = Expression.Match(text);
        var read = TimestampText.TryRead(text, out var parts);
        Assert.True(match.Success == read, $"'{text}': the expression says {match.Success}, the reader {read}");
        if (!read)
        {
            return;
        }

        int Group(string name) => match.Groups[name].Success ? int.Parse(match.Groups[name].Value) : 0;
        Assert.Equal(
            (Group("y"), Group("mo"), Group("d"), match.Groups["h"].Success, Group("h"), Group("mi"), Group("s"), match.Groups["f"].Success ? match.Groups["f"].Value : ""),
            (parts.Year, parts.Month, parts.Day, parts.HasTime, parts.Hour, parts.Minute, parts.Second, text.Substring(parts.FractionStart, parts.FractionLength)));
        Assert.Equal(
            (match.Groups["sign"].Success ? match.Groups["sign"].Value[0] : '\0', Group("oh"), Group("om")),
            (parts.OffsetSign, parts.OffsetHours, parts.OffsetMinutes));
    }

    [Theory]
    [InlineData("2024-01-10")]
    [InlineData("2024-1-9")]
    [InlineData("2024-01-10T10:30")]
    [InlineData("2024-01-10t10:30:15")]
    [InlineData("2024-01-10 \t 9:30:15.1234567891")]
    [InlineData("2019-08-19T21:00:10Z")]
    [InlineData("2024-01-10T10:30:15 z")]
    [InlineData("2024-01-10 10:30:15.5 +5")]
    [InlineData("2024-01-10 10:30 -05")]
    [InlineData("2024-01-10 10:30+130")]
    [InlineData("2024-01-10 10:30+0130")]
    [InlineData("2024-01-10 10:30+01:30")]
    [InlineData("2024-01-10 10:30+1:30")]
    [InlineData("2024-01-10 10:30   ")]
    [InlineData("2024-13-45")]
    [InlineData("0000-00-00T99:99:99")]
    public void Timestamps_agree_part_by_part(string text)
    {
        Assert.True(Expression.IsMatch(text), text);
        AssertAgrees(text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2024")]
    [InlineData("2024-01")]
    [InlineData("2024-01-10 ")]
    [InlineData("2024-01-10Z")]
    [InlineData("2024-001-10")]
    [InlineData("2024-01-100")]
    [InlineData("20241-01-10")]
    [InlineData("2024-01-10T")]
    [InlineData("2024-01-10T10")]
    [InlineData("2024-01-10T10:3")]
    [InlineData("2024-01-10T100:30")]
    [InlineData("2024-01-10T10:30:")]
    [InlineData("2024-01-10T10:30:1")]
    [InlineData("2024-01-10T10:30:15.")]
    [InlineData("2024-01-10T10:30.5")]
    [InlineData("2024-01-10T10:30+")]
    [InlineData("2024-01-10T10:30+12345")]
    [InlineData("2024-01-10T10:30+013:00")]
    [InlineData("2024-01-10T10:30+1:3")]
    [InlineData("2024-01-10T10:30Zz")]
    [InlineData("2024-01-10 T10:30")]
    [InlineData("٢٠٢٤-01-10")]
    [InlineData("2024-01-10\n")]
    public void Texts_that_are_not_timestamps_agree(string text)
    {
        Assert.False(Expression.IsMatch(text), text);
        AssertAgrees(text);
    }

    [Fact]
    public void Millions_of_generated_texts_agree()
    {
        // Texts made of the characters a timestamp is made of, and real timestamps with one character changed, inserted
        // or removed: the places where a hand-written reader and a backtracking expression could part.
        const string Alphabet = "0123456789-:Tt .Zz+\t";
        var random = new Random(20261130);
        var seeds = new[] { "2024-01-10", "2024-01-10T10:30", "2024-01-10 10:30:15.25 +01:30", "2024-1-2t3:04:05Z", "2024-01-10T10:30-0130", "2024-01-10T10:30+5" };
        var text = new StringBuilder();
        var matched = 0;
        var matchedOfFirstHalf = 0;
        for (var i = 0; i < 2_000_000; i++)
        {
            text.Clear();
            if (i % 2 == 0)
            {
                // A date of one or two digits a part (or a broken one), then anything made of the alphabet.
                text.Append(random.Next(10) == 0 ? "202" : "2024").Append('-').Append(random.Next(1, 13)).Append('-').Append(random.Next(0, 40));
                var length = random.Next(0, 16);
                for (var j = 0; j < length; j++)
                {
                    text.Append(Alphabet[random.Next(Alphabet.Length)]);
                }
            }
            else
            {
                text.Append(seeds[random.Next(seeds.Length)]);
                for (var edits = random.Next(1, 4); edits > 0; edits--)
                {
                    var at = random.Next(text.Length + 1);
                    switch (random.Next(3))
                    {
                        case 0 when at < text.Length:
                            text[at] = Alphabet[random.Next(Alphabet.Length)];
                            break;
                        case 1 when at < text.Length:
                            text.Remove(at, 1);
                            break;
                        default:
                            text.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                            break;
                    }
                }
            }

            var candidate = text.ToString();
            AssertAgrees(candidate);
            matched += Expression.IsMatch(candidate) ? 1 : 0;
            matchedOfFirstHalf += i % 2 == 0 && Expression.IsMatch(candidate) ? 1 : 0;
        }

        // Not a test that agrees by matching nothing, or everything: many of the texts are timestamps, and most are not.
        Assert.True(matchedOfFirstHalf > 50_000, $"{matchedOfFirstHalf} of the 1,000,000 texts that start with a date are timestamps");
        Assert.True(matched is > 150_000 and < 1_850_000, $"{matched} of 2,000,000 generated texts are timestamps");
    }
}
