using System.Text.RegularExpressions;
using ArticleGen.Tests.Infrastructure;
using Xunit;

namespace ArticleGen.Tests.RealData;

/// <summary>
/// The real corpus (1,449 Markdown files of a public Jekyll site that nobody here wrote), declared as eight
/// collections: it must build with no diagnostic, and every learning path's items must resolve to the courses
/// and videos they name. Skipped, saying why, where ../shared is absent.
/// </summary>
public sealed class RealCorpusTests
{
    [CorpusFact]
    public void Every_article_of_the_real_corpus_binds_with_no_diagnostic_and_every_reference_resolves()
    {
        var (root, files) = CorpusFiles();

        var run = Project(root, files).Run().AssertNoArticleDiagnostics().AssertCompilesWithoutWarnings();

        var counts = run.Evaluate(
            "PowerApps.NewsItem.Count", "PowerApps.Video.Count", "PowerApps.Course.Count", "PowerApps.LearningPath.Count",
            "PowerApps.Sample.Count", "PowerApps.Organization.Count", "PowerApps.Person.Count", "PowerApps.Community.Count",
            "PowerApps.NewsItem.All.Count");
        Assert.Equal(new object?[] { 674, 441, 94, 41, 118, 70, 6, 5, 674 }, counts);

        // What each learning path's items name, read from the files themselves ('- courses/x' → content/_learning/courses/x.md) …
        var expected = new List<string>();
        foreach (var file in files.Where(f => f.StartsWith("_learning/collections/", StringComparison.Ordinal)))
        {
            foreach (Match item in Regex.Matches(File.ReadAllText(Path.Combine(root, file)), @"^  - (courses|videos)/(\S+)\s*$", RegexOptions.Multiline))
            {
                expected.Add($"content/{file}: content/_learning/{item.Groups[1].Value}/{item.Groups[2].Value}.md");
            }
        }

        Assert.Equal(PowerAppsSchemas.LearningPathItemCount, expected.Count);

        // … and what the catalog holds: the entries themselves, typed.
        var actual = (string)run.Evaluate("""
            string.Join("\n", System.Linq.Enumerable.SelectMany(PowerApps.LearningPath.All, path =>
                System.Linq.Enumerable.Select(path.Items, item => path.SourcePath + ": " + (item is PowerApps.Course course ? course.SourcePath : ((PowerApps.Video)item).SourcePath))))
            """)!;
        Assert.Equal(expected, actual.Split('\n'));
    }

    [CorpusFact]
    public void Every_body_read_from_the_packed_resource_equals_the_body_compiled_in()
    {
        var (root, files) = CorpusFiles();

        // Every entry of the eight collections: its file and its body, as one string per collection.
        string[] types = ["NewsItem", "Video", "Course", "LearningPath", "Sample", "Organization", "Person", "Community"];
        var bodies = types.Select(t => $"string.Join(\"\\u0001\", System.Linq.Enumerable.Select(PowerApps.{t}.All, e => e.SourcePath + \"\\u0002\" + e.Body))").ToArray();

        // u8 literals (no string budget) keep the data readable, so that a body in the generated code would show.
        var compiledInRun = Project(root, files).WithProperty("ArticleGenStringDataBudget", "0").Run().AssertNoArticleDiagnostics();
        var packedRun = Project(root, files).WithProperty("ArticleGenStringDataBudget", "0").WithEmbeddedBodies().Run()
            .AssertNoArticleDiagnostics().AssertCompilesWithoutWarnings();
        var compiledIn = compiledInRun.Evaluate(bodies);
        var packed = packedRun.Evaluate(bodies);
        static string Generated(GeneratorRun run) => string.Concat(run.Result.Results.Single().GeneratedSources.Select(s => s.SourceText.ToString()));
        const string ASampleBodyLine = "PrimartTextAlign = Align.Left"; // from a sample's body, misspelling included
        Assert.Contains(ASampleBodyLine, Generated(compiledInRun), StringComparison.Ordinal);
        Assert.DoesNotContain(ASampleBodyLine, Generated(packedRun), StringComparison.Ordinal);

        Assert.Equal(1449, compiledIn.Sum(all => ((string)all!).Split('\u0001').Length));
        for (var i = 0; i < types.Length; i++)
        {
            Assert.True(Equals(compiledIn[i], packed[i]), types[i]);
        }

        // The samples carry about 255,000 characters of bodies (the news and learning items next to none).
        var text = compiledIn.Sum(all => ((string)all!).Length);
        Assert.True(text > 250_000, $"{text} characters of paths and bodies");
    }

    /// <summary>The corpus folder and its 1,449 Markdown files, by path in it, in ordinal order.</summary>
    private static (string Root, List<string> Files) CorpusFiles()
    {
        var root = Corpus.PowerApps("");
        var files = Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(1449, files.Count);
        return (root, files);
    }

    private static TestProject Project(string root, IEnumerable<string> files)
    {
        var project = new TestProject().WithDocumentationFile().WithSource(PowerAppsSchemas.Source);
        foreach (var file in files)
        {
            project.WithArticle("content/" + file, File.ReadAllText(Path.Combine(root, file)));
        }

        return project;
    }
}
