using System.Text.RegularExpressions;
using ArticleGen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace ArticleGen.Tests.RealData;

/// <summary>
/// Contract §6's link checks over the whole Ruby website (<c>../shared/corpus/ruby-lang</c>: 5,314 pages and posts in
/// 17 languages, real bodies nobody here wrote), every body rendered: each broken link found is listed here with why it
/// is broken, so a check that starts finding links that work (or stops finding broken ones) fails. Skipped, saying
/// why, where ../shared is absent.
/// </summary>
public sealed class RubyLangLinksTests(ITestOutputHelper output)
{
    private const string Schema = """
        namespace RubyLang;

        public interface IPage { }

        /// <summary>A news post.</summary>
        [ArticleCollection("site/*/news/_posts/*.md")]
        public sealed partial record NewsPost : IPage
        {
            [ArticleBody(ArticleBodyPart.Html)] public string Html { get; init; } = "";
            [ArticleBody(ArticleBodyPart.Headings)] public IReadOnlyList<ArticleHeading> Toc { get; init; } = [];
            [ArticleBody(ArticleBodyPart.WordCount)] public int Words { get; init; }
        }

        [ArticleCollection("site/*.md")] public sealed partial record RootPage : IPage { [ArticleBody(ArticleBodyPart.Html)] public string Html { get; init; } = ""; }
        [ArticleCollection("site/*/*.md")] public sealed partial record LanguagePage : IPage { [ArticleBody(ArticleBodyPart.Html)] public string Html { get; init; } = ""; }
        [ArticleCollection("site/*/*/*.md")] public sealed partial record SectionPage : IPage { [ArticleBody(ArticleBodyPart.Html)] public string Html { get; init; } = ""; }
        [ArticleCollection("site/*/*/*/index.md")] public sealed partial record SubsectionPage : IPage { [ArticleBody(ArticleBodyPart.Html)] public string Html { get; init; } = ""; }
        [ArticleCollection("site/*/*/*/*/index.md")] public sealed partial record DeepPage : IPage { [ArticleBody(ArticleBodyPart.Html)] public string Html { get; init; } = ""; }
        """;

    [CorpusFact]
    public void Every_broken_link_of_the_Ruby_website_is_found_and_each_is_a_real_one()
    {
        var root = Corpus.RubyLang("");
        var files = Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(5314, files.Count);

        var project = new TestProject().WithSource(Schema).WithEmbeddedBodies().WithProjectFiles();
        foreach (var file in files)
        {
            project.WithArticle("site/" + file, File.ReadAllText(Path.Combine(root, file)));
        }

        var run = project.Run();
        var links = run.ArticleDiagnostics.Where(d => d.Id is "ART018" or "ART019" or "ART020").ToList();
        foreach (var diagnostic in links)
        {
            output.WriteLine(diagnostic.ToString());
        }

        // The errors, each with why it is broken (on ruby-lang.org itself as much as here).
        var errors = links.Where(d => d.Id != "ART019").Select(Describe).ToList();
        Assert.Equal(
            [
                // A relative link to a page the site's Jekyll plugin generates: no such file in the content.
                "admin/index.md(9,3) ART020 translation-status",
                // A doubled '(' typed before the address: the link's address is "(https://…)", a relative path.
                "de/news/_posts/2019-04-17-ruby-2-6-3-released.md(18,1) ART020 (https://github.com/ruby/ruby/compare/v2_6_2...v2_6_3)",
                // A reference defined as "[sigstore.dev]: sigstore.dev", without "https://": a relative path.
                "es/news/_posts/2024-12-25-ruby-3-4-0-released.md(217,36) ART020 sigstore.dev",
                // "[…][4](英語)": kramdown reads a reference link and then text; CommonMark reads "[4](英語)" as a link to the path 英語.
                "ja/news/_posts/2003-08-04-20030804.md(26,69) ART020 英語",
                "ja/news/_posts/2003-08-04-20030804.md(27,86) ART020 日本語、8月7日現在鋭意編集中",
                // A path in the Ruby repository, copied from its NEWS file: relative to the post, it names nothing.
                "vi/news/_posts/2025-12-25-ruby-4-0-0-released.md(282,43) ART018 doc/language/box.md",
                // "[[Bug #9569]]((https://…))": the doubled '(' again, in translations of release notes.
                "zh_cn/news/_posts/2017-12-25-ruby-2-5-0-released.md(37,37) ART020 (https://bugs.ruby-lang.org/issues/9569)",
                "zh_cn/news/_posts/2018-05-31-ruby-2-6-0-preview2-released.md(64,66) ART020 (https://bugs.ruby-lang.org/issues/10212)",
                "zh_cn/news/_posts/2018-05-31-ruby-2-6-0-preview2-released.md(66,41) ART020 (https://bugs.ruby-lang.org/issues/14330)",
                "zh_cn/news/_posts/2018-11-06-ruby-2-6-0-preview3-released.md(69,66) ART020 (https://bugs.ruby-lang.org/issues/10212)",
                "zh_cn/news/_posts/2018-11-06-ruby-2-6-0-preview3-released.md(71,41) ART020 (https://bugs.ruby-lang.org/issues/14330)",
                "zh_cn/news/_posts/2018-12-06-ruby-2-6-0-rc1-released.md(70,66) ART020 (https://bugs.ruby-lang.org/issues/10212)",
                "zh_cn/news/_posts/2018-12-06-ruby-2-6-0-rc1-released.md(72,41) ART020 (https://bugs.ruby-lang.org/issues/14330)",
                "zh_cn/news/_posts/2018-12-15-ruby-2-6-0-rc2-released.md(70,66) ART020 (https://bugs.ruby-lang.org/issues/10212)",
                "zh_cn/news/_posts/2018-12-15-ruby-2-6-0-rc2-released.md(72,41) ART020 (https://bugs.ruby-lang.org/issues/14330)",
                "zh_cn/news/_posts/2018-12-25-ruby-2-6-0-released.md(80,66) ART020 (https://bugs.ruby-lang.org/issues/10212)",
                "zh_cn/news/_posts/2018-12-25-ruby-2-6-0-released.md(82,41) ART020 (https://bugs.ruby-lang.org/issues/14330)",
                "zh_tw/news/_posts/2017-12-25-ruby-2-5-0-released.md(37,37) ART020 (https://bugs.ruby-lang.org/issues/9569)",
                "zh_tw/news/_posts/2018-11-06-ruby-2-6-0-preview3-released.md(71,73) ART020 (https://bugs.ruby-lang.org/issues/14989)",
            ],
            errors);

        // The warnings: a '#fragment' that no heading of the page has, as Markdig renders it. The site gives those
        // headings their ids with kramdown's attribute lists ("### RVM" then "{: #rvm}" on the next line), which
        // Markdig does not read (it reads "### RVM {#rvm}"): on this site every one is such an id, checked here in the
        // file itself, except '#gentoo', which three translations link and no line of theirs defines (broken on
        // ruby-lang.org too).
        var fragments = links.Where(d => d.Id == "ART019").ToList();
        Assert.Equal(391, fragments.Count);
        var unexplained = new List<string>();
        foreach (var diagnostic in fragments)
        {
            var file = diagnostic.Location.GetLineSpan().Path.Substring((TestProject.Directory + "site/").Length);
            var fragment = Regex.Match(diagnostic.GetMessage(), "The link '#([^']+)'").Groups[1].Value;
            var text = File.ReadAllText(Path.Combine(root, file));
            var kramdownId = Regex.IsMatch(text, "^\\{:\\s*#" + Regex.Escape(fragment) + "\\s*\\}", RegexOptions.Multiline);
            var definedNowhere = fragment == "gentoo" && !text.Contains("#gentoo}", StringComparison.Ordinal);
            if (!kramdownId && !definedNowhere)
            {
                unexplained.Add(Describe(diagnostic));
            }
        }

        Assert.True(unexplained.Count == 0, "Fragments that are neither a kramdown id nor defined nowhere:\n" + string.Join("\n", unexplained));
        Assert.Equal(3, fragments.Count(d => d.GetMessage().Contains("'#gentoo'", StringComparison.Ordinal)));
        Assert.Equal(errors.Count + fragments.Count, links.Count);
    }

    private static string Describe(Microsoft.CodeAnalysis.Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var link = Regex.Match(diagnostic.GetMessage(), "The (?:link|image) '([^']*)'").Groups[1].Value;
        return $"{span.Path.Substring((TestProject.Directory + "site/").Length)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}) {diagnostic.Id} {link}";
    }
}
