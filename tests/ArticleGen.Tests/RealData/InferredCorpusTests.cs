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
    private static readonly string[] Languages = ["bg", "de", "en", "es", "fr", "id", "it", "ja", "ko", "pl", "pt", "ru", "tr", "uk", "vi", "zh_cn", "zh_tw"];

    /// <summary>powerapps' eight collections; the Ruby website's news posts in each of its 17 languages, and its other pages in each.</summary>
    public static TheoryData<string, string> Folders
    {
        get
        {
            var folders = new TheoryData<string, string>
            {
                { "powerapps", "_news" },
                { "powerapps", "_learning/videos" },
                { "powerapps", "_samples" },
                { "powerapps", "_learning/courses" },
                { "powerapps", "_data/organizations" },
                { "powerapps", "_learning/collections" },
                { "powerapps", "_people" },
                { "powerapps", "_communities" },
            };
            foreach (var language in Languages)
            {
                folders.Add("ruby-lang", language + "/news/_posts");
                folders.Add("ruby-lang", language + " pages");
            }

            return folders;
        }
    }

    private const string Declaration = """
        namespace Site;

        /// <summary>A page of the site.</summary>
        [ArticleCollection("content/**/*.md")]
        public sealed partial record Page;
        """;

    [CorpusTheory]
    [MemberData(nameof(Folders))]
    public async Task A_folder_builds_warning_free_inferred_and_written_out_with_the_same_catalog(string corpus, string folder)
    {
        var files = FilesOf(corpus, folder);
        Assert.NotEmpty(files);
        var inferred = Project(Declaration, files).Run();
        output.WriteLine($"{corpus}/{folder}: {files.Count} files");
        foreach (var diagnostic in inferred.ArticleDiagnostics.Where(d => d.Id != "ART022").Take(30))
        {
            output.WriteLine(diagnostic.ToString());
        }

        // The files' own mistakes stay what they are: four translated posts (in ja, fr and ko) keep a key twice, the English
        // title above their own (YAML allows a key once in a mapping; Jekyll silently takes the second). Each is checked
        // against the file itself.
        foreach (var mistake in inferred.ArticleDiagnostics.Where(d => d.Id == "ART007"))
        {
            var text = files.Single(f => mistake.Location.GetLineSpan().Path.EndsWith("/" + f.Path, StringComparison.Ordinal)).Text;
            var frontMatter = text.Split("\n---", 2)[0].Split('\n');
            var keys = frontMatter.Select(line => System.Text.RegularExpressions.Regex.Match(line, "^([A-Za-z_][\\w.-]*):").Groups[1].Value).Where(k => k.Length > 0).ToList();
            Assert.True(keys.Count != keys.Distinct(StringComparer.Ordinal).Count(), "ART007 where no key repeats: " + mistake);
        }

        inferred.AssertOnlyArticleDiagnostics("ART022", "ART007").AssertCompilesWithoutWarnings();
        var notice = DiagnosticAssert.Single(inferred.AnalyzerDiagnostics, "ART022");

        // Written out by the code fix: the same catalog, entry for entry, value for value.
        var written = await CodeFixRunner.WriteInferredSchemaAsync(Declaration, notice);
        var declared = Project(written, files).Run().AssertOnlyArticleDiagnostics("ART007").AssertCompilesWithoutWarnings();
        Assert.DoesNotContain(declared.GeneratedSources, s => s.HintName.EndsWith(".Schema.g.cs", StringComparison.Ordinal));
        const string catalog = "System.Text.Json.JsonSerializer.Serialize(Site.Page.All)";
        var before = (string)inferred.Evaluate(catalog)!;
        Assert.Equal(before, declared.Evaluate(catalog));
        Assert.True(before.Length > files.Count * 20, "The catalog holds too little to compare: " + before.Length + " characters.");
    }

    private static TestProject Project(string source, IReadOnlyList<(string Path, string Text)> files)
    {
        var project = new TestProject().WithDocumentationFile().WithSource(source);
        foreach (var (path, text) in files)
        {
            project.WithArticle(path, text);
        }

        return project;
    }

    /// <summary>The folder's Markdown files under content/, by their paths below the folder ("xx pages": a language's pages without its news).</summary>
    private static List<(string Path, string Text)> FilesOf(string corpus, string folder)
    {
        var pages = folder.EndsWith(" pages", StringComparison.Ordinal);
        var root = Path.Combine(Corpus.Root, corpus, pages ? folder[..^" pages".Length] : folder);
        return Directory.EnumerateFiles(root, "*.md", pages ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
            .Select(file => Path.GetRelativePath(root, file).Replace('\\', '/'))
            .Where(relative => !pages || !relative.StartsWith("news/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(relative => ("content/" + relative, File.ReadAllText(Path.Combine(root, relative))))
            .ToList();
    }
}
