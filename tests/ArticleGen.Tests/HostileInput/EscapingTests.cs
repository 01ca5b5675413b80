using System.Globalization;
using System.Text;
using ArticleGen.Tests.Infrastructure;
using Xunit;

namespace ArticleGen.Tests.HostileInput;

/// <summary>
/// Every string value round-trips exactly into the catalog: whatever an article holds is a string literal and a
/// line of XML doc, never code. A property test puts seeded random strings through YAML into a catalog, compiles it
/// (warnings as errors, documentation on), runs it and compares.
/// </summary>
public sealed class EscapingTests
{
    private const int Seed = 4242;
    private const int Strings = 300;

    /// <summary>Pieces that have broken generators before: C# syntax, comment and directive openers, line breaks C# knows and YAML does not, direction marks.</summary>
    private static readonly string[] Nasty =
    [
        "\"", "\\", "\"\"\"", "{", "}", "{{", "*/", "/*", "//", "\n#error no", "\n#if X", "#pragma", "\0", "\a", "\u001B", "\t", "\v", "\f",
        "\u0085", "\u2028", "\u2029", "\uFEFF", "🙂", "👩‍👩‍👧", "مرحبا بالعالم", "\u202Eevil\u202C", "שלום", "\u0000\u0001", "'", "''", "<", ">", "&amp;", "]]>",
        "\r\n", "---", "...", "@", "`", "\u00A0", "İı", "ß", "\uFFFD", "\uFFFE", "\uFFFF",
    ];

    [Fact]
    public void Random_strings_round_trip_exactly_through_YAML_into_a_compiled_catalog()
    {
        var random = new Random(Seed);
        var expectedTitles = new List<string>();
        var expectedBodies = new List<string>();
        var project = new TestProject()
            .WithDocumentationFile()
            .WithSource("""
                /// <summary>Strings.</summary>
                [ArticleCollection("content/*.md")]
                public sealed partial record Text
                {
                    /// <summary>The title.</summary>
                    public required string Title { get; init; }
                }
                """);
        for (var i = 0; i < Strings; i++)
        {
            var title = RandomString(random, allowLoneSurrogates: false);
            // A raw U+FFFD is how the compiler hands over bytes that are not UTF-8, so a body may not hold one
            // (ART003, docs/robustness.md); a title holds it as the YAML escape \uFFFD.
            var body = RandomString(random, allowLoneSurrogates: true).Replace("\r", "").Replace("\uFFFD", "?");
            expectedTitles.Add(title);
            expectedBodies.Add(body);
            project.WithArticle($"content/s{i:000}.md", "---\ntitle: " + YamlDoubleQuoted(title) + "\n---\n" + body);
        }

        var run = project.Run().AssertNoArticleDiagnostics().AssertCompilesWithoutWarnings();
        var values = run.Evaluate(
            "System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(Text.All, t => t.Title))",
            "System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(Text.All, t => t.Body))");
        var titles = (string[])values[0]!;
        var bodies = (string[])values[1]!;
        for (var i = 0; i < Strings; i++)
        {
            Assert.True(expectedTitles[i] == titles[i], $"title {i}: {Escape(expectedTitles[i])} became {Escape(titles[i])}");
            Assert.True(expectedBodies[i] == bodies[i], $"body {i}: {Escape(expectedBodies[i])} became {Escape(bodies[i])}");
        }
    }

    [Fact]
    public void A_block_scalar_whose_line_starts_with_a_directive_stays_text()
    {
        var run = new TestProject()
            .WithSource("[ArticleCollection(\"content/*.md\")] public sealed partial record Text { public string? Title { get; init; } }")
            .WithArticle("content/a.md", "---\ntitle: |\n  first\n  #error this is not a directive\n  \"\"\" */ {0}\n---\n")
            .Run()
            .AssertNoArticleDiagnostics()
            .AssertCompilesWithoutWarnings();
        Assert.Equal("first\n#error this is not a directive\n\"\"\" */ {0}\n", run.Evaluate("Text.A.Title"));
    }

    private static string RandomString(Random random, bool allowLoneSurrogates)
    {
        var builder = new StringBuilder();
        for (var parts = random.Next(1, 8); parts > 0; parts--)
        {
            switch (random.Next(5))
            {
                case 0:
                case 1:
                    builder.Append(Nasty[random.Next(Nasty.Length)]);
                    break;
                case 2:
                    builder.Append((char)random.Next(0x20, 0x7F));
                    break;
                case 3:
                    builder.Append(char.ConvertFromUtf32(random.Next(0x10000, 0x10FFFF + 1) is var c && c is >= 0xD800 and <= 0xDFFF ? 0x1F600 : c));
                    break;
                default:
                    var unit = (char)random.Next(0, 0x10000);
                    if (char.IsSurrogate(unit) && !allowLoneSurrogates)
                    {
                        unit = 'x';
                    }

                    builder.Append(unit);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>A YAML double-quoted scalar holding exactly <paramref name="value"/>: everything but printable ASCII escaped.</summary>
    private static string YamlDoubleQuoted(string value)
    {
        var builder = new StringBuilder("\"");
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is '"' or '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (c is >= ' ' and <= '~')
            {
                builder.Append(c);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append("\\U").Append(char.ConvertToUtf32(c, value[++i]).ToString("X8", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return builder.Append('"').ToString();
    }

    private static string Escape(string value) =>
        string.Concat(value.Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}"));
}
