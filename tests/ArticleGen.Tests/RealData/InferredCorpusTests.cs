using ArticleGen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace ArticleGen.Tests.RealData;

/// <summary>
/// Contract §7 on real sites nobody here wrote: <c>[ArticleCollection(...)] partial record X;</c> over each folder of
/// both corpora, every file's front matter read through the schema inferred from all of them. Reports what each
/// folder gives; skipped, saying why, where ../shared is absent.
/// </summary>
public sealed class InferredCorpusTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> Folders => new()
    {
        { "powerapps", "_news" },
        { "powerapps", "_learning/videos" },
        { "powerapps", "_samples" },
        { "powerapps", "_learning/courses" },
        { "powerapps", "_data/organizations" },
        { "powerapps", "_learning/collections" },
        { "powerapps", "_people" },
        { "powerapps", "_communities" },
        { "ruby-lang", "en/news/_posts" },
        { "ruby-lang", "ja/news/_posts" },
        { "ruby-lang", "de/news/_posts" },
        { "ruby-lang", "zh_cn/news/_posts" },
    };

    [CorpusTheory]
    [MemberData(nameof(Folders))]
    public void A_folder_builds_warning_free_with_an_inferred_schema_and_no_diagnostic_but_the_files_own_mistakes(string corpus, string folder)
    {
        var root = Path.Combine(Corpus.Root, corpus, folder);
        var project = new TestProject().WithSource("""
            namespace Site;

            [ArticleCollection("content/*.md")]
            public sealed partial record Page;
            """);
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(root, "*.md").Order(StringComparer.Ordinal))
        {
            project.WithArticle("content/" + Path.GetFileName(file), File.ReadAllText(file));
            count++;
        }

        var run = project.Run();
        output.WriteLine($"{corpus}/{folder}: {count} files");
        output.WriteLine(run.GeneratedSource("Site.Page.Schema.g.cs"));
        foreach (var diagnostic in run.ArticleDiagnostics.Where(d => d.Id != "ART022").Take(30))
        {
            output.WriteLine(diagnostic.ToString());
        }

        // The files' own mistakes stay what they are: one Japanese post keeps the English title above its own (YAML allows a
        // key once in a mapping; Jekyll silently takes the second).
        var ownMistakes = run.ArticleDiagnostics.Where(d => d.Id == "ART007").Select(d => Path.GetFileName(d.Location.GetLineSpan().Path)).ToList();
        Assert.Equal(folder == "ja/news/_posts" ? ["2024-03-21-buffer-overread-cve-2024-27280.md"] : [], ownMistakes);
        run.AssertOnlyArticleDiagnostics("ART022", "ART007").AssertCompilesWithoutWarnings();
        Assert.Single(run.ArticleDiagnostics, d => d.Id == "ART022");
    }
}
