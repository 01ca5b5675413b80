using System.Diagnostics;
using ArticleGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ArticleGen.Tests;

/// <summary>
/// What hot reload relies on, in process: the store drops everything it read when the runtime says code changed, and
/// dotnet watch's compilation (the package's ArticleGen.HotReload.globalconfig, which the targets add there) gets the errors from the generator, as a compile error that stops
/// the update. <see cref="WatchTests"/> drives a real dotnet watch over the web sample.
/// </summary>
public sealed class LiveEditingTests
{
    private const string Schema = """
        [ArticleCollection("content/*.md")]
        public sealed partial record Post
        {
            public required string Title { get; init; }
            public int Quality { get; init; }
        }
        """;

    private const string ClearCache = "((System.Func<object?>)(() => { Post.__ArticleGenStore.ClearCache(null); return null; }))()";

    [Fact]
    public void The_store_is_the_assemblys_hot_reload_handler_and_drops_what_it_read_for_hot_reload_only()
    {
        var run = new TestProject().WithSource(Schema)
            .WithArticle("content/a.md", "---\ntitle: A\nquality: 3\n---\nBody\n")
            .WithArticle("content/b.md", "---\ntitle: B\n---\n")
            .Run().AssertNoArticleDiagnostics().AssertCompilesWithoutWarnings();

        Assert.Contains("[assembly: global::System.Reflection.Metadata.MetadataUpdateHandler(typeof(global::Post.__ArticleGenStore))]", run.GeneratedSource("Post.Store.g.cs"), StringComparison.Ordinal);
        const string Replaceable = "typeof(Post.__ArticleGenStore).GetProperty(\"Replaceable\", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.GetValue(null)";
        var values = run.Evaluate(
            "System.Reflection.Metadata.MetadataUpdater.IsSupported",
            "Post.A", "Post.Get(\"a\")", "Post.All[0]", Replaceable, Replaceable,
            ClearCache,
            "Post.A", Replaceable, "Post.Get(\"b\").Title", "Post.Count");

        // This process cannot be updated (no DOTNET_MODIFIABLE_ASSEMBLIES): the store reads its fixed state, one
        // instance per entry, and an update handler's call changes none of it.
        Assert.Equal(false, values[0]);
        Assert.Same(values[1], values[2]);
        Assert.Same(values[1], values[3]);
        Assert.Same(values[1], values[7]);
        Assert.Equal(new object?[] { "B", 2 }, values[9..]);

        // The state that hot reload reads is dropped by the handler, and the next use makes a new one.
        Assert.Same(values[4], values[5]);
        Assert.NotSame(values[4], values[8]);
    }

    [Fact]
    public void Where_hot_reload_can_update_the_process_entries_keep_their_identity_until_an_update_and_come_back_new()
    {
        // A process started with DOTNET_MODIFIABLE_ASSEMBLIES=debug, as dotnet watch starts the app: the store reads the
        // state the handler replaces. The probe program prints what it saw.
        var run = new TestProject().WithSource(Schema)
            .WithArticle("content/a.md", "---\ntitle: A\nquality: 3\n---\nBody\n")
            .WithArticle("content/b.md", "---\ntitle: B\n---\n")
            .Run().AssertNoArticleDiagnostics();
        const string Program = """
            public static class __Program
            {
                public static void Main()
                {
                    var kept = Post.All;
                    var before = Post.A;
                    var one = ReferenceEquals(before, Post.Get("a")) && ReferenceEquals(before, Post.All[0]) && ReferenceEquals(Post.B, Post.All[1]);
                    Post.__ArticleGenStore.ClearCache(null);
                    var after = Post.A;
                    var renewed = !ReferenceEquals(before, after) && before == after && ReferenceEquals(after, Post.Get("a")) && ReferenceEquals(after, Post.All[0]);
                    // A list kept from before the update is the list it was (an update may change the count and order).
                    var keptAsItWas = ReferenceEquals(kept[0], before) && !ReferenceEquals(kept, Post.All) && System.Linq.Enumerable.Count(kept) == 2;
                    System.Console.Write($"{System.Reflection.Metadata.MetadataUpdater.IsSupported} {one} {renewed} {keptAsItWas} {after.Title} {after.Quality} {Post.Count}");
                }
            }
            """;
        var compilation = run.Compilation
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText(Program, (CSharpParseOptions)run.Compilation.SyntaxTrees.First().Options, "/project/__Program.cs"))
            .WithOptions(run.Compilation.Options.WithOutputKind(OutputKind.ConsoleApplication).WithMainTypeName("__Program"));
        var directory = Path.Combine(Path.GetTempPath(), "articlegen-reload-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var emit = compilation.Emit(Path.Combine(directory, "probe.dll"));
            Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            File.WriteAllText(Path.Combine(directory, "probe.runtimeconfig.json"),
                """{ "runtimeOptions": { "tfm": "net8.0", "rollForward": "Major", "framework": { "name": "Microsoft.NETCore.App", "version": "8.0.0" } } }""");
            var start = new ProcessStartInfo("dotnet", [Path.Combine(directory, "probe.dll")]) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.Environment["DOTNET_MODIFIABLE_ASSEMBLIES"] = "debug";
            using var probe = Process.Start(start)!;
            var printed = probe.StandardOutput.ReadToEnd() + probe.StandardError.ReadToEnd();
            Assert.True(probe.WaitForExit(60_000), "The probe did not finish.");
            Assert.Equal("True True True True A 3 2", printed);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_collection_nested_in_a_private_type_names_no_handler_and_compiles()
    {
        // An assembly attribute cannot name a type nested in a private one: such a store has no handler, and no error.
        var run = new TestProject()
            .WithSource("public partial class Outer { [ArticleCollection(\"content/*.md\")] private sealed partial record Post { public string? Title { get; init; } } public static string First => Post.All[0].Title!; }")
            .WithArticle("content/a.md", "---\ntitle: A\n---\n")
            .Run().AssertNoArticleDiagnostics().AssertCompilesWithoutWarnings();

        Assert.DoesNotContain("[assembly: global::System.Reflection.Metadata.MetadataUpdateHandler", string.Concat(run.GeneratedSources.Select(s => s.Text)), StringComparison.Ordinal);
        Assert.Equal("A", run.Evaluate("Outer.First"));
    }

    [Fact]
    public void In_dotnet_watchs_compilation_an_article_error_is_the_generators_and_a_compile_error_that_stops_the_update()
    {
        var run = new TestProject().WithSource(Schema)
            .WithGlobalOption("articlegen_hot_reload_compilation", "true") // build/ArticleGen.HotReload.globalconfig
            .WithArticle("content/a.md", "---\ntitle: A\nquality: high\n---\n")
            .WithArticle("content/b.md", "---\ntitle: B\n---\n")
            .Run();

        // Reported once, by the generator (no analyzer runs in watch's compilation, and one that does stays silent).
        var error = Assert.Single(run.ArticleDiagnostics);
        Assert.Equal("ART005", error.Id);
        Assert.Empty(run.AnalyzerDiagnostics.Where(d => d.Id.StartsWith("ART", StringComparison.Ordinal)));

        // The compile error hot reload stops on names the article, line and column.
        var stop = run.GeneratedSource("ArticleGen.HotReloadStop.g.cs");
        Assert.Contains("#error content/a.md(3,10): ART005: 'quality' expects an integer", stop, StringComparison.Ordinal);
        var compileError = Assert.Single(run.CompilerDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("CS1029", compileError.Id);
    }

    [Fact]
    public void In_dotnet_watchs_compilation_bodies_are_compiled_in_and_good_articles_stop_nothing()
    {
        // The targets compile bodies in for watch's compilation (a resource never hot-reloads): the generator is told so.
        var run = new TestProject().WithSource(Schema)
            .WithGlobalOption("articlegen_hot_reload_compilation", "true") // build/ArticleGen.HotReload.globalconfig
            .WithArticle("content/a.md", "---\ntitle: A\n---\nThe body\n")
            .Run().AssertNoArticleDiagnostics().AssertCompilesWithoutWarnings();

        Assert.DoesNotContain(run.GeneratedSources, s => s.HintName == "ArticleGen.HotReloadStop.g.cs");
        Assert.Equal("The body\n", run.Evaluate("Post.A.Body"));
    }
}
