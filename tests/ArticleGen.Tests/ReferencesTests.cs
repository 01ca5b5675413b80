using ArticleGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ArticleGen.Tests;

/// <summary>Contract §4: references between entries, resolved to the entries themselves, never null.</summary>
public sealed class ReferencesTests
{
    private const string Learning = """
        namespace Learning;

        public interface ILearningItem { string Title { get; } }

        [ArticleCollection("content/courses/*.md")]
        public sealed partial record Course : ILearningItem
        {
            public required string Title { get; init; }
            public Course? Prerequisite { get; init; }
        }

        [ArticleCollection("content/videos/**/*.md")]
        public sealed partial record Video : ILearningItem
        {
            public required string Title { get; init; }
            public Course? Companion { get; init; }
        }

        [ArticleCollection("content/paths/*.md")]
        public sealed partial record LearningPath
        {
            public required string Title { get; init; }
            public IReadOnlyList<ILearningItem> Items { get; init; } = [];
            public Course[] Courses { get; init; } = [];
            public required Course First { get; init; }
        }
        """;

    private static TestProject LearningProject() => new TestProject()
        .WithSource(Learning)
        .WithArticle("content/courses/intro.md", "---\ntitle: Intro\n---\n")
        .WithArticle("content/courses/advanced-data.md", "---\ntitle: Advanced data\nprerequisite: intro\n---\n")
        .WithArticle("content/videos/2024/data.md", "---\nslug: data-video\ntitle: Data video\ncompanion: courses/advanced-data\n---\n");

    [Fact]
    public void References_name_entries_by_slug_by_id_or_by_a_trailing_path_and_hold_the_entries_themselves()
    {
        var run = LearningProject()
            .WithArticle("content/paths/start.md", """
                ---
                title: Start here
                first: intro
                items:
                  - courses/intro
                  - data-video
                  - 2024/data
                  - content/courses/advanced-data
                courses: [intro, advanced-data]
                ---
                """)
            .Run()
            .AssertNoArticleDiagnostics()
            .AssertCompilesWithoutWarnings();

        var values = run.Evaluate(
            "ReferenceEquals(Learning.LearningPath.Start.First, Learning.Course.Intro)",
            "string.Join('|', System.Linq.Enumerable.Select(Learning.LearningPath.Start.Items, i => i.GetType().Name + ':' + i.Title))",
            "string.Join('|', System.Linq.Enumerable.Select(Learning.LearningPath.Start.Courses, c => c.Title))",
            "Learning.Course.AdvancedData.Prerequisite!.Title",
            "Learning.Video.DataVideo.Companion!.Prerequisite!.Title",
            "Learning.Course.Intro.Prerequisite");
        Assert.Equal(true, values[0]);
        Assert.Equal("Course:Intro|Video:Data video|Video:Data video|Course:Advanced data", values[1]);
        Assert.Equal("Intro|Advanced data", values[2]);
        Assert.Equal("Intro", values[3]);
        Assert.Equal("Intro", values[4]);
        Assert.Null(values[5]);
    }

    private const string TwoWay = """
        namespace Links;

        [ArticleCollection("content/a/*.md")]
        public sealed partial record Author
        {
            public required string Name { get; init; }
            public IReadOnlyList<Book> Books { get; init; } = [];
        }

        [ArticleCollection("content/b/*.md")]
        public sealed partial record Book
        {
            public required string Name { get; init; }
            public required Author Author { get; init; }
            public IReadOnlyList<Book> Related { get; init; } = [];
        }
        """;

    private static GeneratorRun TwoWayRun() => new TestProject()
        .WithSource(TwoWay)
        .WithArticle("content/a/ann.md", "---\nname: Ann\nbooks: [one, two]\n---\n")
        .WithArticle("content/b/one.md", "---\nname: One\nauthor: ann\nrelated: [two]\n---\n")
        .WithArticle("content/b/two.md", "---\nname: Two\nauthor: ann\nrelated: [one]\n---\n")
        .Run()
        .AssertNoArticleDiagnostics()
        .AssertCompilesWithoutWarnings();

    [Fact]
    public void Types_that_refer_to_each_other_work_when_the_first_one_is_touched_first()
    {
        var values = TwoWayRun().Evaluate(
            "Links.Author.Ann.Books[1].Author.Name",
            "ReferenceEquals(Links.Book.One.Related[0].Related[0], Links.Book.One)");
        Assert.Equal(new object?[] { "Ann", true }, values);
    }

    [Fact]
    public void Types_that_refer_to_each_other_work_when_the_second_one_is_touched_first()
    {
        var values = TwoWayRun().Evaluate(
            "Links.Book.Two.Author.Books[0].Name",
            "ReferenceEquals(Links.Author.Ann.Books[0], Links.Book.One)");
        Assert.Equal(new object?[] { "One", true }, values);
    }

    [Fact]
    public void Types_that_refer_to_each_other_never_show_a_null_to_threads_that_touch_them_at_once()
    {
        // Sixteen threads start together, half through each type; every reference they read must be whole.
        var probe = """
            ((System.Func<int>)(() =>
            {
                using var start = new System.Threading.Barrier(16);
                var nulls = 0;
                var threads = System.Linq.Enumerable.Range(0, 16).Select(i => new System.Threading.Thread(() =>
                {
                    start.SignalAndWait();
                    for (var round = 0; round < 100; round++)
                    {
                        var author = i % 2 == 0 ? Links.Author.Ann : Links.Book.Two.Author;
                        foreach (var book in author.Books)
                        {
                            if (book is null || book.Author is null || book.Related[0] is null) System.Threading.Interlocked.Increment(ref nulls);
                        }
                    }
                })).ToList();
                threads.ForEach(t => t.Start());
                threads.ForEach(t => t.Join());
                return nulls;
            }))()
            """;
        var run = new TestProject()
            .WithSource(TwoWay)
            .WithSource("global using System.Linq;", "Usings.cs")
            .WithArticle("content/a/ann.md", "---\nname: Ann\nbooks: [one, two]\n---\n")
            .WithArticle("content/b/one.md", "---\nname: One\nauthor: ann\nrelated: [two]\n---\n")
            .WithArticle("content/b/two.md", "---\nname: Two\nauthor: ann\nrelated: [one]\n---\n")
            .Run();
        Assert.Equal(0, run.Evaluate(probe));
    }

    [Fact]
    public void A_thousand_entries_in_chunks_whose_references_cross_them_both_ways_load_whole_from_sixteen_threads()
    {
        // Each link eagerly names the next one (so entries are built last to first, across eight chunks) and lists
        // one far away lazily. Sixteen threads each start at a different entry: whichever chunk loads first, every
        // reference must be the entry itself.
        var project = new TestProject()
            .WithSource("""
                namespace Chain;

                [ArticleCollection("content/links/*.md")]
                public sealed partial record Link
                {
                    public required int Number { get; init; }
                    public Link? Next { get; init; }
                    public IReadOnlyList<Link> Seen { get; init; } = [];
                }
                """)
            .WithSource("global using System.Linq;", "Usings.cs");
        for (var i = 0; i < 1000; i++)
        {
            var next = i < 999 ? $"next: l{i + 1:0000}\n" : "";
            project.WithArticle($"content/links/l{i:0000}.md", $"---\nnumber: {i}\n{next}seen: [l{(i * 7) % 1000:0000}]\n---\n");
        }

        var probe = """
            ((System.Func<int>)(() =>
            {
                using var start = new System.Threading.Barrier(16);
                var wrong = 0;
                var threads = System.Linq.Enumerable.Range(0, 16).Select(t => new System.Threading.Thread(() =>
                {
                    start.SignalAndWait();
                    var first = (t * 61) % 1000;
                    var steps = 0;
                    for (var link = Chain.Link.All[first]; link is not null; link = link.Next, steps++)
                    {
                        if (link.Number != first + steps
                            || !ReferenceEquals(link, Chain.Link.Get(link.Slug))
                            || link.Seen[0].Number != (link.Number * 7) % 1000
                            || !ReferenceEquals(link.Seen[0], Chain.Link.All[link.Seen[0].Number]))
                        {
                            System.Threading.Interlocked.Increment(ref wrong);
                        }
                    }

                    if (steps != 1000 - first) System.Threading.Interlocked.Increment(ref wrong);
                }, 256 * 1024)).ToList();
                threads.ForEach(t => t.Start());
                threads.ForEach(t => t.Join());
                return wrong;
            }))()
            """;
        var run = project.Run().AssertNoArticleDiagnostics().AssertCompilesWithoutWarnings();
        Assert.Equal(8, run.Result.Results.SelectMany(r => r.GeneratedSources).Count(s => s.HintName.StartsWith("Chain.Link.Store.", StringComparison.Ordinal) && s.HintName != "Chain.Link.Store.g.cs"));
        Assert.Equal(0, run.Evaluate(probe));
    }

    [Fact]
    public void A_concrete_base_class_that_collections_share_makes_a_reference()
    {
        var run = new TestProject()
            .WithSource("""
                public class Page { public string? Title { get; init; } }
                [ArticleCollection("content/guides/*.md")] public sealed partial class Guide : Page { }
                [ArticleCollection("content/home/*.md")] public sealed partial class Home : Page { public Page? Featured { get; init; } }
                """)
            .WithArticle("content/guides/setup.md", "---\ntitle: Setup\n---\n")
            .WithArticle("content/home/index.md", "---\ntitle: Home\nfeatured: setup\n---\n")
            .Run()
            .AssertNoArticleDiagnostics()
            .AssertCompilesWithoutWarnings();

        Assert.Equal("Guide:Setup", run.Evaluate("Home.Index.Featured!.GetType().Name + \":\" + Home.Index.Featured.Title"));
    }

    [Fact]
    public void ART010_a_name_that_matches_no_entry_is_reported_at_the_value()
    {
        var run = LearningProject()
            .WithArticle("content/paths/start.md", "---\ntitle: Start\nfirst: intro\nitems:\n  - courses/intro\n  - courses/missing\n---\n")
            .Run()
            .AssertCompilesWithoutWarnings();

        var diagnostic = DiagnosticAssert.Single(run.ArticleDiagnostics, "ART010");
        DiagnosticAssert.At(diagnostic, "ART010", DiagnosticSeverity.Error, "content/paths/start.md", 6, 5);
        Assert.Equal("'items[1]' refers to 'courses/missing', which names no entry of Course or Video (a reference names an entry by its slug, its id, or the end of its path without extension)", DiagnosticAssert.Message(diagnostic));
        Assert.Equal(0, run.Evaluate("Learning.LearningPath.Count"));
    }

    [Fact]
    public void ART010_a_trailing_path_matches_whole_segments_only()
    {
        var run = LearningProject()
            .WithArticle("content/paths/start.md", "---\ntitle: Start\nfirst: intro\nitems: [data]\n---\n")
            .Run();

        // 'data' is the last segment of the video's path (its slug is data-video), and only a part of 'advanced-data'.
        Assert.Empty(run.ArticleDiagnostics);
        Assert.Equal("Data video", run.Evaluate("Learning.LearningPath.Start.Items[0].Title"));
        var mismatch = LearningProject()
            .WithArticle("content/paths/start.md", "---\ntitle: Start\nfirst: vanced-data\n---\n")
            .Run();
        DiagnosticAssert.Single(mismatch.ArticleDiagnostics, "ART010");
    }

    [Fact]
    public void ART010_a_name_that_matches_several_entries_lists_them()
    {
        var run = new TestProject()
            .WithSource(Learning)
            .WithArticle("content/courses/data.md", "---\ntitle: Data course\n---\n")
            .WithArticle("content/videos/data.md", "---\ntitle: Data video\n---\n")
            .WithArticle("content/courses/intro.md", "---\ntitle: Intro\n---\n")
            .WithArticle("content/paths/start.md", "---\ntitle: Start\nfirst: intro\nitems: [data]\n---\n")
            .Run();

        var diagnostic = DiagnosticAssert.Single(run.ArticleDiagnostics, "ART010");
        DiagnosticAssert.At(diagnostic, "ART010", DiagnosticSeverity.Error, "content/paths/start.md", 4, 9);
        Assert.Equal("'items[0]' refers to 'data', which names 2 entries: content/courses/data.md, content/videos/data.md", DiagnosticAssert.Message(diagnostic));
    }

    [Fact]
    public void ART015_single_valued_references_that_form_a_cycle_are_reported_and_left_out()
    {
        var run = new TestProject()
            .WithSource("""
                [ArticleCollection("content/*.md")]
                public sealed partial record Step
                {
                    public Step? Next { get; init; }
                }
                """)
            .WithArticle("content/a.md", "---\nnext: b\n---\n")
            .WithArticle("content/b.md", "---\nnext: a\n---\n")
            .WithArticle("content/c.md", "---\nnext: a\n---\n")
            .WithArticle("content/self.md", "---\nnext: self\n---\n")
            .WithArticle("content/end.md", "---\n---\n")
            .Run()
            .AssertCompilesWithoutWarnings();

        var cycles = run.ArticleDiagnostics.Where(d => d.Id == "ART015").ToList();
        Assert.Equal(2, cycles.Count);
        DiagnosticAssert.At(cycles[0], "ART015", DiagnosticSeverity.Error, "content/a.md", 2, 7);
        Assert.StartsWith("Single-valued references form a cycle that immutable entries cannot represent: content/a.md (next) → content/b.md (next) → content/a.md.", DiagnosticAssert.Message(cycles[0]));
        DiagnosticAssert.At(cycles[1], "ART015", DiagnosticSeverity.Error, "content/self.md", 2, 7);

        // c names a left-out entry: it is left out too, with no ART010 of its own.
        Assert.DoesNotContain(run.ArticleDiagnostics, d => d.Id == "ART010");
        Assert.Equal("end", run.Evaluate("string.Join('|', System.Linq.Enumerable.Select(Step.All, s => s.Slug))"));
    }

    [Fact]
    public void The_analyzer_on_its_own_finds_the_same_reference_diagnostics_as_from_the_generators_findings()
    {
        // Without the generator's findings (a host that runs no generator) the analyzer binds every article itself and
        // keeps of each only what the checks across files read: references must survive that, in lists and nested.
        var project = LearningProject()
            .WithArticle("content/courses/loop-a.md", "---\ntitle: A\nprerequisite: loop-b\n---\n")
            .WithArticle("content/courses/loop-b.md", "---\ntitle: B\nprerequisite: loop-a\n---\n")
            .WithArticle("content/courses/after-loop.md", "---\ntitle: After\nprerequisite: loop-a\n---\n")
            .WithArticle("content/paths/start.md", "---\ntitle: Start\nfirst: intro\nitems:\n  - courses/intro\n  - courses/missing\ncourses: [data, nowhere]\n---\n")
            .WithArticle("content/paths/other.md", "---\ntitle: Other\nfirst: gone\n---\n");
        var run = project.Run();
        var byItself = project.AnalyzeWithoutFindings(run);

        static List<string> Describe(IEnumerable<Diagnostic> diagnostics) => diagnostics
            .Where(d => d.Id.StartsWith("ART", StringComparison.Ordinal))
            .Select(d => d.ToString())
            .Order(StringComparer.Ordinal)
            .ToList();

        var fromFindings = Describe(run.AnalyzerDiagnostics);
        Assert.Equal(fromFindings, Describe(byItself));
        Assert.Equal(4, fromFindings.Count(d => d.Contains("ART010", StringComparison.Ordinal)));
        Assert.Single(fromFindings, d => d.Contains("ART015", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reference_to_an_entry_left_out_for_its_own_error_adds_no_diagnostic()
    {
        var run = LearningProject()
            .WithArticle("content/courses/broken.md", "---\ntitle: ~\n---\n")
            .WithArticle("content/paths/start.md", "---\ntitle: Start\nfirst: broken\n---\n")
            .Run()
            .AssertCompilesWithoutWarnings();

        Assert.Equal(["ART005"], run.ArticleDiagnostics.Select(d => d.Id).ToArray());
        Assert.Equal(new object?[] { 0, 2 }, run.Evaluate("Learning.LearningPath.Count", "Learning.Course.Count"));
    }

    [Fact]
    public void ART011_an_interface_that_no_collection_implements()
    {
        var run = new TestProject()
            .WithSource("""
                public interface ITagged { }
                [ArticleCollection("content/*.md")]
                public sealed partial record Post
                {
                    public ITagged? Tag { get; init; }
                }
                """)
            .WithArticle("content/a.md", "---\n---\n")
            .Run();

        var diagnostic = DiagnosticAssert.Single(run.ArticleDiagnostics, "ART011");
        DiagnosticAssert.At(diagnostic, "ART011", DiagnosticSeverity.Error, "Collections.cs", 5, 21);
        Assert.Equal("Post.Tag has type ITagged, but no collection's type is or derives from ITagged: nothing it could refer to exists", DiagnosticAssert.Message(diagnostic));
    }

    [Fact]
    public void A_BCL_interface_or_object_is_not_a_reference()
    {
        var run = new TestProject()
            .WithSource("""
                [ArticleCollection("content/*.md")]
                public sealed partial record Post
                {
                    public IComparable? Order { get; init; }
                }
                """)
            .WithArticle("content/a.md", "---\n---\n")
            .Run();

        Assert.StartsWith("Post.Order has type IComparable, which ArticleGen cannot bind", DiagnosticAssert.Message(DiagnosticAssert.Single(run.ArticleDiagnostics, "ART011")));
    }
}
