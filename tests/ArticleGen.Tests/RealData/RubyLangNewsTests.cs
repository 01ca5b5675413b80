using System.Globalization;
using System.Text.RegularExpressions;
using ArticleGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ArticleGen.Tests.RealData;

/// <summary>
/// The Ruby website's news (<c>../shared/corpus/ruby-lang</c>: 4,705 Jekyll posts in 17 languages, with real bodies,
/// that nobody here wrote) under the schema a careful user would write first: every post has a
/// <see cref="DateTimeOffset"/> date, from its front matter (<c>2026-07-16 05:08:11 +0000</c>) or, as Jekyll does, from
/// its file name; an empty <c>translator:</c> is null; <c>tags</c>, written as one string, is a list. Every value is
/// compared with an independent reading of the files (line-based, no YAML library). Skipped, saying why, where
/// ../shared is absent.
/// </summary>
public sealed class RubyLangNewsTests
{
    private const string Schema = """
        namespace RubyLang;

        /// <summary>A news post of www.ruby-lang.org, in one of its languages.</summary>
        [ArticleCollection("site/*/news/_posts/*.md")]
        public sealed partial record NewsPost
        {
            /// <summary>The Jekyll layout.</summary>
            public required string Layout { get; init; }

            /// <summary>The headline.</summary>
            public required string Title { get; init; }

            /// <summary>Who wrote it.</summary>
            public string? Author { get; init; }

            /// <summary>Who translated it; null for an original (an empty value).</summary>
            public string? Translator { get; init; }

            /// <summary>When it was published: the front matter's date, else the file name's.</summary>
            [ArticleField(DateFromFileName = true)]
            public required DateTimeOffset Date { get; init; }

            /// <summary>The language code.</summary>
            public required string Lang { get; init; }

            /// <summary>Tags; the site writes one as a string.</summary>
            public IReadOnlyList<string> Tags { get; init; } = [];

            /// <summary>Kramdown's hard-line-break option, set by one post.</summary>
            public bool? Breaks { get; init; }
        }
        """;

    /// <summary>One post as the test reads it itself: line by line, the way a person checking the files would.</summary>
    private sealed record Post(string Path, string? Date, string? Translator, string? Tags, string Lang, string Body, IReadOnlyList<(int Line, string Key)> RepeatedKeys, IReadOnlyList<(int Line, string Key)> OtherKeys);

    private static readonly string[] DeclaredKeys = ["layout", "title", "author", "translator", "date", "lang", "tags", "breaks"];

    [CorpusFact]
    public void Every_news_post_in_17_languages_binds_with_its_date_translator_tags_and_body_and_only_real_mistakes_are_reported()
    {
        var root = Corpus.RubyLang("");
        var files = Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Where(path => Regex.IsMatch(path, "^[a-z_]+/news/_posts/[^/]+$"))
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(4705, files.Count);

        var posts = files.Select(file => Read(file, File.ReadAllText(Path.Combine(root, file)))).ToList();
        // As a real build does: the posts are embedded as manifest resources and every body is read from there.
        var project = new TestProject().WithDocumentationFile().WithSource(Schema).WithEmbeddedBodies();
        foreach (var file in files)
        {
            project.WithArticle("site/" + file, File.ReadAllText(Path.Combine(root, file)));
        }

        var run = project.Run().AssertCompilesWithoutWarnings();

        // The only diagnostics are the files' own mistakes, found here independently: a key written twice (a translator
        // kept the English title above their own: YAML forbids it, Jekyll silently takes the second) and a key the
        // schema does not have ('translate:' for 'translator:').
        var expected = posts.SelectMany(p => p.RepeatedKeys.Select(k => $"site/{p.Path}({k.Line}): ART007 {k.Key}"))
            .Concat(posts.SelectMany(p => p.OtherKeys.Select(k => $"site/{p.Path}({k.Line}): ART006 {k.Key}")))
            .OrderBy(d => d, StringComparer.Ordinal)
            .ToList();
        var actual = run.ArticleDiagnostics
            .Select(d => $"{d.Location.GetLineSpan().Path.Substring(TestProject.Directory.Length)}({d.Location.GetLineSpan().StartLinePosition.Line + 1}): {d.Id} {KeyOf(d)}")
            .OrderBy(d => d, StringComparer.Ordinal)
            .ToList();
        Assert.True(expected.SequenceEqual(actual), "Expected:\n" + string.Join("\n", expected) + "\nActual:\n" + string.Join("\n", actual) + "\n" + string.Join("\n", run.ArticleDiagnostics));
        Assert.Equal(["ART006", "ART007", "ART007", "ART007", "ART007"], run.ArticleDiagnostics.Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.Contains("Did you mean 'translator' (Translator)?", DiagnosticAssert.Message(run.ArticleDiagnostics.Single(d => d.Id == "ART006")), StringComparison.Ordinal);

        // Every post but the four with a repeated key is an entry, in every language.
        var included = posts.Where(p => p.RepeatedKeys.Count == 0).ToList();
        Assert.Equal(included.Count, run.Evaluate("RubyLang.NewsPost.Count"));
        Assert.Equal(4701, included.Count);
        var languages = (string)run.Evaluate("string.Join(',', System.Linq.Enumerable.Distinct(System.Linq.Enumerable.Select(RubyLang.NewsPost.All, p => p.Lang)))")!;
        Assert.Equal(17, languages.Split(',').Length);

        // Dates: 3,468 written in the front matter ('2026-07-16 05:08:11 +0000', some with a one-digit hour), the
        // other 1,237 taken from the file name, at midnight UTC. Compared post by post.
        Assert.Equal(1237, posts.Count(p => p.Date is null));
        var expectedDates = included.Select(p => p.Path + " " + ExpectedDate(p).ToString("O", CultureInfo.InvariantCulture));
        var actualDates = ((string)run.Evaluate("""
            string.Join("\n", System.Linq.Enumerable.Select(RubyLang.NewsPost.All, p => p.SourcePath.Substring(5) + " " + p.Date.ToString("O", System.Globalization.CultureInfo.InvariantCulture)))
            """)!).Split('\n');
        Assert.Equal(expectedDates, actualDates);

        // Translators: an empty value is null; tags: 'security' is a one-item list, an empty value none.
        var expectedRest = included.Select(p => $"{p.Path}|{(p.Translator is null or "" ? "<null>" : "set")}|{(p.Tags is null or "" ? "" : p.Tags)}");
        var actualRest = ((string)run.Evaluate("""
            string.Join("\n", System.Linq.Enumerable.Select(RubyLang.NewsPost.All, p => p.SourcePath.Substring(5) + "|" + (p.Translator is null ? "<null>" : "set") + "|" + string.Join(",", p.Tags)))
            """)!).Split('\n');
        Assert.Equal(expectedRest, actualRest);
        Assert.Equal(653, posts.Count(p => p.Tags is { Length: > 0 }));
        Assert.Equal(652, included.Count(p => p.Tags is { Length: > 0 })); // one tagged post repeats its title

        // Bodies exactly as written (the text after the closing '---' line), for every post.
        var bodies = ((string)run.Evaluate("string.Join(\"\\u0001\", System.Linq.Enumerable.Select(RubyLang.NewsPost.All, p => p.Body))")!).Split('\u0001');
        Assert.Equal(included.Select(p => p.Body), bodies);

        // Spot values, as a reader of the site sees them.
        var spot = run.Evaluate(
            "RubyLang.NewsPost.Get(\"en/news/_posts/2026-07-16-ruby-3-3-12-released\").Title",
            "RubyLang.NewsPost.Get(\"en/news/_posts/2026-07-16-ruby-3-3-12-released\").Author",
            "RubyLang.NewsPost.Get(\"en/news/_posts/2026-07-16-ruby-3-3-12-released\").Date",
            "RubyLang.NewsPost.Get(\"en/news/_posts/2001-01-18-stable-snapshot-is-available\").Date",
            "RubyLang.NewsPost.Get(\"tr/news/_posts/2019-12-17-ruby-2-7-0-rc1-released\").Breaks");
        Assert.Equal(
            new object?[] { "Ruby 3.3.12 Released", "hsbt", new DateTimeOffset(2026, 7, 16, 5, 8, 11, TimeSpan.Zero), new DateTimeOffset(2001, 1, 18, 0, 0, 0, TimeSpan.Zero), false },
            spot);
    }

    private static DateTimeOffset ExpectedDate(Post post)
    {
        if (post.Date is null)
        {
            var name = post.Path.Substring(post.Path.LastIndexOf('/') + 1);
            return DateTimeOffset.ParseExact(name.Substring(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        }

        var match = Regex.Match(post.Date, @"^(\d{4})-(\d\d)-(\d\d) (\d{1,2}):(\d\d):(\d\d) \+0000$");
        Assert.True(match.Success, post.Path + ": " + post.Date);
        int Part(int group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
        return new DateTimeOffset(Part(1), Part(2), Part(3), Part(4), Part(5), Part(6), TimeSpan.Zero);
    }

    private static string KeyOf(Diagnostic diagnostic) =>
        Regex.Match(DiagnosticAssert.Message(diagnostic), "^Key '([^']+)'").Groups[1].Value;

    /// <summary>Splits a post at its '---' lines and reads its top-level 'key: value' lines.</summary>
    private static Post Read(string path, string text)
    {
        var lines = text.Split('\n');
        Assert.Equal("---", lines[0]);
        var close = Array.IndexOf(lines, "---", 1);
        Assert.True(close > 0, path);

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var repeated = new List<(int, string)>();
        var other = new List<(int, string)>();
        for (var i = 1; i < close; i++)
        {
            var match = Regex.Match(lines[i], "^([A-Za-z_.-]+):(.*)$");
            if (!match.Success)
            {
                continue;
            }

            var key = match.Groups[1].Value;
            if (!values.TryAdd(key, match.Groups[2].Value.Trim()))
            {
                repeated.Add((i + 1, key));
            }
            else if (!DeclaredKeys.Contains(key))
            {
                other.Add((i + 1, key));
            }
        }

        static string? Unquote(string? value) => value is { Length: >= 2 } && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;
        return new Post(
            path,
            values.GetValueOrDefault("date"),
            Unquote(values.GetValueOrDefault("translator")),
            Unquote(values.GetValueOrDefault("tags")),
            values["lang"],
            string.Join('\n', lines.Skip(close + 1)),
            repeated,
            other);
    }
}
