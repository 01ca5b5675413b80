using ArticleGen.Tests.Infrastructure;
using Xunit;

namespace ArticleGen.Tests;

/// <summary>Contract §3: what is generated on the collection type and on each entry.</summary>
public sealed class GeneratedCatalogTests
{
    private const string Posts = """
        namespace Site;

        [ArticleCollection("content/posts/**/*.md")]
        public sealed partial record Post
        {
            public string? Title { get; init; }
        }
        """;

    private static readonly string SeedArticle = File.ReadAllText(Path.Combine(
        Corpus.RepositoryRoot, "samples", "ArticleGen.Sample", "content", "2022-08-08-uk-smartwatches-facial-recognition.md"));

    [Fact]
    public void All_is_ordered_by_source_path_and_Count_is_a_static_property()
    {
        var run = new TestProject()
            .WithSource(Posts)
            .WithArticle("content/posts/b.md", "---\ntitle: B\n---\n")
            .WithArticle("content/posts/A.md", "---\ntitle: A\n---\n")
            .WithArticle("content/posts/2020/c.md", "---\ntitle: C\n---\n")
            .WithSource("public static class Uses { public static int N => Site.Post.Count; }", "Uses.cs")
            .Run()
            .AssertNoArticleDiagnostics()
            .AssertCompilesWithoutWarnings();

        var values = run.Evaluate(
            "string.Join('|', System.Linq.Enumerable.Select(Site.Post.All, p => p.SourcePath))",
            "Uses.N",
            "typeof(Site.Post).GetProperty(\"Count\") is { GetMethod.IsStatic: true }",
            "typeof(Site.Post).GetField(\"Count\") is null");
        Assert.Equal(new object?[] { "content/posts/2020/c.md|content/posts/A.md|content/posts/b.md", 3, true, true }, values);
    }

    [Fact]
    public void An_empty_catalog_does_not_make_a_Count_check_unreachable_code()
    {
        // v1 declared Count a constant: 'if (T.Count > 0)' over an empty catalog was CS0162, an error under TreatWarningsAsErrors.
        var run = new TestProject()
            .WithSource("[ArticleCollection(\"content/none/*.md\")] public sealed partial record Doc { }")
            .WithSource("public static class Uses { public static string Say() { if (Doc.Count > 0) { return \"some\"; } return \"none\"; } }", "Uses.cs")
            .Run();

        run.AssertCompilesWithoutWarnings();
        Assert.Equal("none", run.Evaluate("Uses.Say()"));
    }

    [Fact]
    public void Get_and_TryGet_find_entries_by_exact_slug_and_Get_names_a_missing_slug()
    {
        var run = new TestProject()
            .WithSource(Posts)
            .WithArticle("content/posts/hello-world.md", "---\ntitle: Hello\n---\n")
            .WithArticle("content/posts/renamed.md", "---\nslug: custom-slug\ntitle: Custom\n---\n")
            .Run()
            .AssertNoArticleDiagnostics();

        var values = run.Evaluate(
            "Site.Post.Get(\"hello-world\").Title",
            "Site.Post.Get(\"custom-slug\").Title",
            "Site.Post.TryGet(\"Hello-World\", out var missing)",
            "Site.Post.TryGet(\"renamed\", out var byFileName)",
            "ReferenceEquals(Site.Post.Get(\"hello-world\"), Site.Post.HelloWorld)");
        Assert.Equal(new object?[] { "Hello", "Custom", false, false, true }, values);

        var exception = Assert.Throws<KeyNotFoundException>(() => run.Evaluate("Site.Post.Get(\"nope\")"));
        Assert.Equal("Post has no entry with the slug 'nope'.", exception.Message);
    }

    [Fact]
    public void Id_Slug_Body_and_SourcePath_are_set_on_every_entry()
    {
        var run = new TestProject()
            .WithSource(Posts)
            .WithArticle("content/posts/guides/2022-08-08-intro.md", "---\r\ntitle: Intro\r\n---\r\nLine one\r\nLine two\r\n\r\n")
            .WithArticle("content/posts/empty.md", "---\ntitle: Empty\n---")
            .Run()
            .AssertNoArticleDiagnostics();

        var values = run.Evaluate(
            "Site.Post.Guides20220808Intro.Id",
            "Site.Post.Guides20220808Intro.Slug",
            "Site.Post.Guides20220808Intro.Body",
            "Site.Post.Guides20220808Intro.SourcePath",
            "Site.Post.Empty.Body");
        Assert.Equal(new object?[] { "guides/2022-08-08-intro", "guides/2022-08-08-intro", "Line one\nLine two\n\n", "content/posts/guides/2022-08-08-intro.md", "" }, values);
    }

    [Fact]
    public void Pages_with_one_file_name_in_different_folders_get_their_paths_as_slugs()
    {
        // v1 took the file name as the slug: the second thread.md was ART008 and lost, and so was every index.md.
        var run = new TestProject()
            .WithSource("[ArticleCollection(\"docs/**/*.md\")] public sealed partial record Doc { public string? Title { get; init; } }")
            .WithArticle("docs/cpp/thread.md", "---\ntitle: C++ thread\n---\n")
            .WithArticle("docs/standard-library/thread.md", "---\ntitle: std::thread\n---\n")
            .WithArticle("docs/web/api/fetch/index.md", "---\ntitle: fetch()\n---\n")
            .WithArticle("docs/web/api/request/_index.md", "---\ntitle: Request\n---\n")
            .WithArticle("docs/index.md", "---\ntitle: Home\n---\n")
            .WithArticle("docs/guides/setup.md", "---\nslug: start-here\ntitle: Setup\n---\n")
            .Run()
            .AssertNoArticleDiagnostics()
            .AssertCompilesWithoutWarnings();

        var values = run.Evaluate(
            "string.Join('|', System.Linq.Enumerable.Select(Doc.All, d => d.Slug))",
            "Doc.Get(\"cpp/thread\").Title",
            "Doc.Get(\"standard-library/thread\").Title",
            "Doc.WebApiFetch.Title",
            "Doc.Get(\"web/api/request\").Id",
            "Doc.Index.Slug",
            "Doc.Get(\"start-here\").Id");
        Assert.Equal(
            new object?[] { "cpp/thread|start-here|index|standard-library/thread|web/api/fetch|web/api/request", "C++ thread", "std::thread", "fetch()", "web/api/request/_index", "index", "guides/setup" },
            values);
    }

    [Fact]
    public void Id_is_relative_to_the_directories_before_the_first_wildcard()
    {
        var run = new TestProject()
            .WithSource("[ArticleCollection(\"content/posts/overlap-*.md\")] public sealed partial record Overlap { }")
            .WithArticle("content/posts/overlap-1.md", "---\n---\n")
            .Run()
            .AssertNoArticleDiagnostics();

        Assert.Equal("overlap-1", run.Evaluate("Overlap.Overlap1.Id"));
    }

    [Fact]
    public void Entry_property_names_follow_the_slug_and_stay_unique()
    {
        var run = new TestProject()
            .WithSource("""
                namespace Names;

                [ArticleCollection("content/*.md")]
                public sealed partial record Entry
                {
                    public string? Title { get; init; }
                }
                """)
            .WithArticle("content/2022-08-08-uk-watch.md", "---\n---\n")
            .WithArticle("content/intro.md", "---\n---\n")
            .WithArticle("content/a-b.md", "---\n---\n")
            .WithArticle("content/a_b.md", "---\n---\n")
            .WithArticle("content/title.md", "---\n---\n")
            .WithArticle("content/entry.md", "---\n---\n")
            .WithArticle("content/count.md", "---\n---\n")
            .WithArticle("content/to-string.md", "---\n---\n")
            .WithArticle("content/c#.md", "---\n---\n")
            .Run()
            .AssertNoArticleDiagnostics()
            .AssertCompilesWithoutWarnings();

        var values = run.Evaluate(
            "Names.Entry._20220808UkWatch.Slug",
            "Names.Entry.Intro.Slug",
            "Names.Entry.AB.Slug",
            "Names.Entry.AB_2.Slug",
            "Names.Entry.Title_2.Slug",
            "Names.Entry.Entry_2.Slug",
            "Names.Entry.Count_2.Slug",
            "Names.Entry.ToString_2.Slug",
            "Names.Entry.C.Slug");
        Assert.Equal(new object?[] { "2022-08-08-uk-watch", "intro", "a-b", "a_b", "title", "entry", "count", "to-string", "c#" }, values);
    }

    [Fact]
    public void Entries_carry_an_XML_doc_comment_and_compile_warning_free_as_errors_with_documentation()
    {
        var run = new TestProject()
            .WithDocumentationFile()
            .WithSource("""
                namespace Docs;

                /// <summary>A post.</summary>
                [ArticleCollection("content/*.md")]
                public sealed partial record Post
                {
                    /// <summary>The title.</summary>
                    public string? Title { get; init; }
                }
                """)
            .WithArticle("content/a.md", "---\ntitle: \"Fish & <Chips>\\u2028#error no\"\n---\n")
            .Run()
            .AssertNoArticleDiagnostics()
            .AssertCompilesWithoutWarnings();

        var source = run.GeneratedSource("Docs.Post.Store.0.g.cs");
        Assert.Contains("/// <summary>Fish &amp; &lt;Chips&gt; #error no</summary>", source);
        Assert.Contains("/// <remarks>From <c>content/a.md</c>.</remarks>", source);
        Assert.Equal("Fish & <Chips>\u2028#error no", run.Evaluate("Docs.Post.A.Title"));
    }

    [Fact]
    public void A_collection_nested_in_a_partial_type_and_one_in_the_global_namespace()
    {
        var run = new TestProject()
            .WithSource("""
                namespace Outer
                {
                    public static partial class Content
                    {
                        [ArticleCollection("content/a/*.md")] public sealed partial class Page { public string? Title { get; set; } }
                    }
                }

                [ArticleCollection("content/b/*.md")] public partial class Loose { }
                """)
            .WithArticle("content/a/one.md", "---\ntitle: One\n---\n")
            .WithArticle("content/b/two.md", "---\n---\n")
            .Run()
            .AssertNoArticleDiagnostics()
            .AssertCompilesWithoutWarnings();

        Assert.Equal(new object?[] { "One", "two" }, run.Evaluate("Outer.Content.Page.One.Title", "Loose.Two.Slug"));
    }

    [Fact]
    public void A_collection_without_files_has_its_static_members_and_no_entries()
    {
        var run = new TestProject()
            .WithSource(Posts)
            .WithSource("public static class Uses { public static int N => Site.Post.All.Count + Site.Post.Count; }", "Uses.cs")
            .Run()
            .AssertCompilesWithoutWarnings();

        Assert.Equal(new object?[] { 0, false }, run.Evaluate("Site.Post.All.Count", "Site.Post.TryGet(\"x\", out _)"));
    }

    [Fact]
    public void The_generated_catalog_of_the_seed_article_matches_its_snapshot()
    {
        var run = new TestProject()
            .WithSource(Schemas.News)
            .WithArticle("content/news/2022-08-08-uk-smartwatches-facial-recognition.md", SeedArticle)
            .Run()
            .AssertCompilesWithoutWarnings();

        // The schema declares only part of the seed's keys; the rest are ART006 warnings and change nothing.
        Assert.All(run.ArticleDiagnostics, d => Assert.Equal("ART006", d.Id));
        Snapshot.Match(run.GeneratedSource("Blog.NewsArticle.g.cs"), suffix: "Catalog");
        Snapshot.Match(run.GeneratedSource("Blog.NewsArticle.Store.g.cs"), suffix: "Store");
        Snapshot.Match(run.GeneratedSource("Blog.NewsArticle.Store.0.g.cs"), suffix: "Chunk");
        Assert.Equal(
            "The UK will use smartwatches and facial recognition to monitor migrants convicted of crimes",
            run.Evaluate("Blog.NewsArticle._20220808UkSmartwatchesFacialRecognition.Title"));
    }

    /// <summary>Two collections that refer to each other (one store) and one on its own.</summary>
    private const string Linked = """
        namespace Site;

        [ArticleCollection("content/authors/*.md")]
        public sealed partial record Author
        {
            public required string Title { get; init; }
            public IReadOnlyList<Post> Favourites { get; init; } = [];
        }

        [ArticleCollection("content/posts/**/*.md")]
        public sealed partial record Post
        {
            public string? Title { get; init; }
            public Author? By { get; init; }
            public IReadOnlyList<Post> Related { get; init; } = [];
            public int Rank { get; init; }
            public IReadOnlyList<string> Tags { get; init; } = [];
        }

        [ArticleCollection("content/notes/*.md")]
        public sealed partial record Note
        {
            public string? Title { get; init; }
        }
        """;

    /// <summary>
    /// More entries than one chunk holds, references both ways between collections, entries of several shapes, and
    /// slugs whose member names collide (<c>a-b</c>, <c>a_b</c>, <c>A-B</c>, <c>a.b</c>; <c>2020/p-1</c>,
    /// <c>2020-p-1</c> and <c>p_1</c>; <c>title</c>): every one of them is named, placed and numbered by source path.
    /// </summary>
    private static readonly IReadOnlyList<(string Path, string Text)> LinkedArticles = BuildLinkedArticles();

    private static List<(string Path, string Text)> BuildLinkedArticles()
    {
        var articles = new List<(string Path, string Text)>();
        for (var i = 0; i < 150; i++)
        {
            var tags = i % 3 == 0 ? $"tags: [t{i % 7}]\n" : "";
            var rank = i % 2 == 0 ? $"rank: {i}\n" : "";
            articles.Add(($"content/posts/{2020 + i / 50}/p-{i}.md",
                $"---\ntitle: Post {i}\nby: author-{i % 5}\nrelated: [p-{(i + 1) % 150}, a-b, a_b]\n{rank}{tags}---\nbody {i}\n"));
        }

        foreach (var name in new[] { "a-b", "a_b", "A-B", "a.b", "2020-p-1", "p_1", "title" })
        {
            articles.Add(($"content/posts/{name}.md", $"---\ntitle: {name}\nby: a-b\nrelated: [A-B, 2020/p-1]\n---\n"));
        }

        articles.Add(("content/posts/zz.md", "---\nslug: a--b\nrelated: [a.b, 2020-p-1]\n---\n"));
        for (var i = 0; i < 5; i++)
        {
            articles.Add(($"content/authors/author-{i}.md", $"---\ntitle: Author {i}\nfavourites: [p-{i * 30}, a-b, a--b]\n---\n"));
        }

        articles.Add(("content/authors/a-b.md", "---\ntitle: A-B\n---\n"));
        articles.Add(("content/authors/a_b.md", "---\ntitle: A_B\nfavourites: [title]\n---\n"));
        foreach (var name in new[] { "x-y", "x_y", "X-Y", "count", "note" })
        {
            articles.Add(($"content/notes/{name}.md", $"---\ntitle: {name}\n---\n"));
        }

        return articles.OrderBy(a => a.Path, StringComparer.Ordinal).ToList();
    }

    private static IReadOnlyList<(string HintName, string Text)> GenerateLinked(IEnumerable<(string Path, string Text)> articles)
    {
        var project = new TestProject().WithSource(Linked);
        foreach (var (path, text) in articles)
        {
            project.WithArticle(path, text);
        }

        return project.Run().AssertNoArticleDiagnostics().AssertCompilesWithoutWarnings().GeneratedSources;
    }

    private static readonly Lazy<IReadOnlyList<(string HintName, string Text)>> InSourcePathOrder = new(() => GenerateLinked(LinkedArticles));

    [Fact]
    public void The_order_test_spans_chunks_references_and_colliding_names()
    {
        var sources = InSourcePathOrder.Value;
        Assert.Contains(sources, s => s.HintName == "Site.Author.Store.1.g.cs"); // 165 entries in one store: two chunks
        var all = string.Join("\n", sources.Select(s => s.Text));
        Assert.Contains("public static global::Site.Post AB_5 =>", all); // A-B, a-b, a.b, a_b, then slug a--b
        Assert.Matches(@"public static global::Site\.Post \w*P1_2 =>", all); // across folders: 2020/p-1 with p_1 (or with 2020-p-1)
        Assert.Contains("public static global::Site.Post Title_2 =>", all);
        Assert.Contains("public static global::Site.Note XY_3 =>", all);
        Assert.Contains("public static global::Site.Note Note_2 =>", all);
    }

    [Theory]
    [MemberData(nameof(InputOrder.Names), MemberType = typeof(InputOrder))]
    public void Every_generated_source_is_byte_identical_whatever_the_order_of_the_input_files(string order) =>
        InputOrder.AssertSameSources(InSourcePathOrder.Value, GenerateLinked(InputOrder.Apply(LinkedArticles, order)), order);

    [Fact]
    public void The_attributes_are_generated_into_every_compilation()
    {
        var run = new TestProject().WithSource("public static class Nothing { }").Run().AssertCompilesWithoutWarnings();
        var source = run.GeneratedSource("ArticleGen.Attributes.g.cs");
        Assert.Contains("internal sealed class ArticleCollectionAttribute", source);
        Assert.Contains("internal sealed class ArticleFieldAttribute", source);
    }

    [Fact]
    public void The_store_says_what_its_data_is_and_its_readers_are_named_after_their_types()
    {
        // Two types named Image in two namespaces, a dictionary of lists, an array of arrays: names stay valid and unique.
        var run = new TestProject()
            .WithSource("""
                namespace Site
                {
                    [ArticleCollection("content/*.md")]
                    public sealed partial record Page
                    {
                        public Site.Image? Hero { get; init; }
                        public Other.Image? Thumb { get; init; }
                        public IReadOnlyDictionary<string, List<int?>> Scores { get; init; } = new Dictionary<string, List<int?>>();
                        public int[][] Grid { get; init; } = [];
                    }

                    public sealed record Image { public string? Src { get; init; } }
                }

                namespace Other
                {
                    public sealed record Image { public int Width { get; init; } }
                }
                """)
            .WithArticle("content/a.md", "---\nhero: {src: /a.png}\nthumb: {width: 3}\nscores: {x: [1, ~]}\ngrid: [[1, 2], [3]]\n---\n")
            .Run()
            .AssertNoArticleDiagnostics()
            .AssertCompilesWithoutWarnings();

        var store = run.GeneratedSource("Site.Page.Store.g.cs");
        Assert.Contains("// ArticleGen's content store for Page. The articles' values travel as data, not code:", store, StringComparison.Ordinal);
        Assert.Contains("docs/generated-code.md", store, StringComparison.Ordinal);
        foreach (var reader in new[] { "NewPage(DataReader r)", "NewImage(DataReader r)", "NewImage_2(DataReader r)", "ReadImageOrNull(DataReader r)", "ReadImageOrNull_2(DataReader r)", "ReadIReadOnlyDictionaryOfStringAndListOfIntOrNull(DataReader r)", "ReadIntArrayArray(DataReader r)" })
        {
            Assert.Contains(reader, store, StringComparison.Ordinal);
        }

        Assert.DoesNotMatch(@"\b(Object|Read)[0-9]+\(", store);
        Assert.StartsWith("// <auto-generated/>", run.GeneratedSource("Site.Page.Store.0.g.cs"), StringComparison.Ordinal);
        Assert.Contains("// Chunk 0 of ArticleGen's content store for Page: the data of 1 entry", run.GeneratedSource("Site.Page.Store.0.g.cs"), StringComparison.Ordinal);
        Assert.Equal(new object?[] { "/a.png", 3, "1,", "1,2;3" }, run.Evaluate(
            "Site.Page.A.Hero!.Src", "Site.Page.A.Thumb!.Width", "string.Join(',', Site.Page.A.Scores[\"x\"])", "string.Join(';', System.Linq.Enumerable.Select(Site.Page.A.Grid, row => string.Join(',', row)))"));
    }

    [Fact]
    public void An_article_outside_the_project_folder_has_its_body_compiled_in_not_looked_up()
    {
        // MSBuild names embedded files by their path in the project; one the compiler spells elsewhere (another casing
        // on Windows, a linked file) is not looked up under a name that may not exist.
        var project = new TestProject()
            .WithSource("[ArticleCollection(\"**/*.md\")] public sealed partial record Page { public string? Title { get; init; } }")
            .WithArticle("content/in.md", "---\ntitle: In\n---\nInside\n")
            .WithEmbeddedBodies()
            .WithProperty("ArticleGenStringDataBudget", "0")
            .WithProperty("ProjectDir", "/Project/"); // the compiler spells the files /project/…
        var run = project.Run().AssertNoArticleDiagnostics();
        // A packed body is the token '@' right after the source path; this one is a string token.
        Assert.DoesNotContain("in.md@", string.Concat(run.Result.Results.Single().GeneratedSources.Where(s => s.HintName.Contains(".Store", StringComparison.Ordinal)).Select(s => s.SourceText.ToString())), StringComparison.Ordinal);
        Assert.Equal("Inside\n", run.Evaluate("Page.All[0].Body"));
    }
}
