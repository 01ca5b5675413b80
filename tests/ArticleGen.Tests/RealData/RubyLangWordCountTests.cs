using System.Text.RegularExpressions;
using ArticleGen.Rendering;
using ArticleGen.Tests.Infrastructure;
using Markdig;
using Xunit;
using Xunit.Abstractions;

namespace ArticleGen.Tests.RealData;

/// <summary>
/// Contract §6's WordCount on real text in English, German, Japanese and Chinese (the Ruby website's news posts),
/// against an independent count: Markdig's own plain-text rendering of the same body, split by regular expressions.
/// The reference drops URLs written as text, which are no words; posts with images, raw HTML, footnotes or Liquid tags
/// are left out, because the two readings are meant to differ there (Markdig's plain text keeps an image's alt text,
/// a footnote's number, the text of a tag), as are the few with a "^^" line (Markdig's plain text writes a figure
/// footer's tags). Skipped, saying why, where ../shared is absent.
/// </summary>
public sealed class RubyLangWordCountTests(ITestOutputHelper output)
{
    private static readonly Regex Cjk = new(@"[\p{IsCJKUnifiedIdeographs}\p{IsCJKUnifiedIdeographsExtensionA}\p{IsCJKCompatibilityIdeographs}\p{IsHiragana}\p{IsKatakana}]|[\uD840-\uD87F][\uDC00-\uDFFF]", RegexOptions.CultureInvariant);
    private static readonly Regex Word = new(@"\S*[\p{L}\p{N}]\S*", RegexOptions.CultureInvariant);
    private static readonly Regex LeftOut = new(@"!\[|<[a-zA-Z/!]|\[\^|\{\{|\{%|^\^\^", RegexOptions.CultureInvariant | RegexOptions.Multiline);

    /// <summary>A URL written as text, which Markdig's plain text keeps and a word count does not (contract §6).</summary>
    private static readonly Regex Url = new(@"(?<![A-Za-z0-9])(https?://|www\.)[\x21-\x7E]*", RegexOptions.CultureInvariant);

    [CorpusTheory]
    [InlineData("en", 200)]
    [InlineData("de", 100)]
    [InlineData("ja", 100)]
    [InlineData("zh_cn", 100)]
    public void Word_counts_of_real_posts_equal_an_independent_count(string language, int atLeast)
    {
        var folder = Corpus.RubyLang(Path.Combine(language, "news", "_posts"));
        var dialect = MarkdownDialect.TryCreate(null, out _)!;
        var plain = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();
        var compared = 0;
        var differing = new List<string>();
        long words = 0, characters = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file).Replace("\r\n", "\n");
            var body = text.Substring(text.IndexOf("\n---\n", 3, StringComparison.Ordinal) + 5);
            if (LeftOut.IsMatch(body))
            {
                continue;
            }

            var ours = BodyRenderer.Render(body, dialect, default, CancellationToken.None);
            var reference = Url.Replace(Markdown.ToPlainText(body, plain), " ");
            var referenceCharacters = Cjk.Matches(reference).Count;
            var referenceWords = Word.Matches(Cjk.Replace(reference, " ")).Count;
            compared++;
            words += ours.Words;
            characters += ours.CjkCharacters;
            if ((ours.Words, ours.CjkCharacters) != (referenceWords, referenceCharacters))
            {
                differing.Add($"{Path.GetFileName(file)}: {ours.Words} words and {ours.CjkCharacters} characters, the reference {referenceWords} and {referenceCharacters}");
            }
        }

        output.WriteLine($"{language}: {compared} posts compared, {words} words and {characters} Chinese or Japanese characters");
        Assert.True(compared >= atLeast, $"Only {compared} {language} posts could be compared.");
        Assert.True(differing.Count == 0, $"{differing.Count} of {compared} posts count otherwise:\n" + string.Join("\n", differing.Take(20)));
        if (language is "ja" or "zh_cn")
        {
            Assert.True(characters > words, $"{language}: {characters} characters and {words} words: the characters are not being counted one by one.");
        }
    }
}
