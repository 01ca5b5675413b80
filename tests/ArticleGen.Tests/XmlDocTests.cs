using System.Text;
using ArticleGen.Emit;
using Xunit;

namespace ArticleGen.Tests;

/// <summary>Text for a <c>///</c> comment: escaped, on one line, trimmed; returned as it is when it needs none of that.</summary>
public sealed class XmlDocTests
{
    [Theory]
    [InlineData("Plain title", "Plain title")]
    [InlineData(" leading", "leading")]
    [InlineData("trailing ", "trailing")]
    [InlineData("\u00A0non-breaking\u3000", "non-breaking")]
    [InlineData("a \"quoted\" & <tagged> title", "a &quot;quoted&quot; &amp; &lt;tagged&gt; title")]
    [InlineData("two\nlines\u2028and\u0085more", "two lines and more")]
    [InlineData("tab\there", "tab here")]
    [InlineData("bell\u0007", "bell\uFFFD")]
    [InlineData("", "")]
    public void Titles_become_one_escaped_trimmed_line(string text, string expected) => Assert.Equal(expected, XmlDoc.Escape(text));

    /// <summary>Every character, alone and between, before and after others and blanks: the same as escaping character by character.</summary>
    [Fact]
    public void Every_character_in_every_place_escapes_as_the_character_by_character_rule_says()
    {
        for (var code = 0; code <= char.MaxValue; code++)
        {
            var c = ((char)code).ToString();
            foreach (var text in new[] { c, " " + c, c + " ", "a" + c + "b", c + c, "x " + c, c + " x" })
            {
                var expected = Reference(text);
                var actual = XmlDoc.Escape(text);
                if (expected != actual)
                {
                    Assert.Fail($"U+{code:X4} in '{Show(text)}': expected '{Show(expected)}', got '{Show(actual)}'");
                }
            }
        }

        static string Show(string s) => string.Concat(s.Select(ch => ch is >= ' ' and <= '~' ? ch.ToString() : $"\\u{(int)ch:X4}"));
    }

    /// <summary>The rule, written out: markup escaped, line breaks and tabs a space, what XML cannot hold U+FFFD, then trimmed.</summary>
    private static string Reference(string text)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '&' or '<' or '>' or '"')
            {
                builder.Append(c switch { '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", _ => "&quot;" });
            }
            else if (c is '\t' or '\n' or '\r' or '\u0085' or '\u2028' or '\u2029')
            {
                builder.Append(' ');
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c) || c < ' ' || c is '\uFFFE' or '\uFFFF')
            {
                builder.Append('\uFFFD');
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Trim();
    }
}
