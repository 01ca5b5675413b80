using System.Text.RegularExpressions;
using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using ArticleGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ArticleGen.Tests;

/// <summary>
/// The generator runs on every keystroke: an edit to one article reads and binds that article alone, and an edit to
/// C# that does not touch a collection reads and binds nothing. Proven with the driver's tracked steps.
/// </summary>
public sealed class IncrementalityTests
{
    /// <summary>The generator's findings for the analyzer: disabled text, written again when any article changes, never compiled as code.</summary>
    private const string FindingsFile = "ArticleGen.Findings.g.cs";

    private static TestProject ThreeArticles(string b = "---\ntitle: B\npublishedDateTime: 2022-08-09T11:55:00Z\n---\n") => new TestProject()
        .WithSource(Schemas.News)
        .WithArticle("content/news/a.md", "---\ntitle: A\npublishedDateTime: 2022-08-08T11:55:00Z\n---\n")
        .WithArticle("content/news/b.md", b)
        .WithArticle("content/news/c.md", "---\ntitle: C\npublishedDateTime: 2022-08-10T11:55:00Z\n---\n");

    [Fact]
    public void Editing_one_article_reparses_and_rebinds_that_article_only()
    {
        var project = ThreeArticles();
        var texts = project.AdditionalTexts();
        var compilation = project.CreateCompilation();
        var driver = project.CreateDriver(texts).RunGenerators(compilation);

        var edited = new InMemoryAdditionalText(texts[1].Path, "---\ntitle: B, edited\npublishedDateTime: 2022-08-09T11:55:00Z\n---\n");
        driver = driver.ReplaceAdditionalText(texts[1], edited).RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();

        Assert.Equal([IncrementalStepRunReason.Cached, IncrementalStepRunReason.Modified, IncrementalStepRunReason.Cached], Reasons(result, TrackingNames.BoundArticles));
        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(result, TrackingNames.Catalogs));
        Assert.Contains("B, edited", result.GeneratedSources.Single(s => s.HintName == "Blog.NewsArticle.Store.0.g.cs").SourceText.ToString());
    }

    [Fact]
    public void Editing_an_articles_values_keeps_the_catalogs_layout_and_fills_the_new_values_in()
    {
        var project = ThreeArticles();
        var texts = project.AdditionalTexts();
        var compilation = project.CreateCompilation();
        var driver = project.CreateDriver(texts).RunGenerators(compilation);

        // A title and a date: values only. The layout (order, slugs, names, chunks) stays as the driver kept it.
        var edited = new InMemoryAdditionalText(texts[1].Path, "---\ntitle: B, retitled\npublishedDateTime: 2023-01-01T00:00:00Z\n---\nNew body.\n");
        var result = driver.ReplaceAdditionalText(texts[1], edited).RunGenerators(compilation).GetRunResult().Results.Single();

        // The edited file alone is bound again (its layout key with it); the keys, taken from every file again, compare
        // equal, and the layout is not built again.
        Assert.Equal([IncrementalStepRunReason.Cached, IncrementalStepRunReason.Modified, IncrementalStepRunReason.Cached], Reasons(result, TrackingNames.BoundArticles));
        Assert.Equal([IncrementalStepRunReason.Unchanged], Reasons(result, TrackingNames.LayoutKeys));
        Assert.All(Reasons(result, TrackingNames.Layouts), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(result, TrackingNames.Catalogs));
        var fresh = ThreeArticles(edited.GetText()!.ToString()).Run().GeneratedSources;
        Assert.Equal(fresh, result.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())));
    }

    [Fact]
    public void Editing_an_articles_slug_builds_the_catalogs_layout_again()
    {
        var project = ThreeArticles();
        var texts = project.AdditionalTexts();
        var compilation = project.CreateCompilation();
        var driver = project.CreateDriver(texts).RunGenerators(compilation);

        var edited = new InMemoryAdditionalText(texts[1].Path, "---\nslug: renamed\ntitle: B\npublishedDateTime: 2022-08-09T11:55:00Z\n---\n");
        var result = driver.ReplaceAdditionalText(texts[1], edited).RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(result, TrackingNames.Layouts));
        var fresh = ThreeArticles(edited.GetText()!.ToString()).Run().GeneratedSources;
        Assert.Equal(fresh, result.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())));
        Assert.Contains(result.GeneratedSources, s => s.SourceText.ToString().Contains("Renamed", StringComparison.Ordinal));
    }

    [Fact]
    public void Editing_one_rendered_body_of_hundreds_renders_that_article_alone_keeps_the_layout_and_rewrites_its_chunk_alone()
    {
        var project = new TestProject().WithSource("""
            namespace Docs;

            [ArticleCollection("docs/*.md", Url = "/docs/{slug}")]
            public sealed partial record Page
            {
                public required string Title { get; init; }
                [ArticleBody(ArticleBodyPart.Html)] public string Html { get; init; } = "";
                [ArticleBody(ArticleBodyPart.Headings)] public IReadOnlyList<ArticleHeading> Toc { get; init; } = [];
            }
            """);
        for (var i = 0; i < 300; i++)
        {
            project.WithArticle($"docs/{i:000}.md", $"---\ntitle: T{i}\n---\n# Page {i}\n\nSee [the next](/docs/{(i + 1) % 300:000}) and [the first](000.md#page-0).\n");
        }

        var texts = project.AdditionalTexts();
        var compilation = project.CreateCompilation();
        var driver = project.CreateDriver(texts).RunGenerators(compilation);
        var before = driver.GetRunResult().Results.Single().GeneratedSources.Where(s => s.HintName != FindingsFile).ToDictionary(s => s.HintName, s => s.SourceText.ToString());

        var edited = new InMemoryAdditionalText(texts[200].Path, "---\ntitle: T200\n---\n# Page 200\n\nSee [the next](/docs/201), edited.\n");
        driver = driver.ReplaceAdditionalText(texts[200], edited).RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();

        Assert.Single(Reasons(result, TrackingNames.BoundArticles), r => r == IncrementalStepRunReason.Modified);
        Assert.Equal(299, Reasons(result, TrackingNames.BoundArticles).Count(r => r == IncrementalStepRunReason.Cached));
        Assert.All(Reasons(result, TrackingNames.Layouts), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.Single(Reasons(result, TrackingNames.ChunkFiles), r => r == IncrementalStepRunReason.Modified);
        Assert.All(Reasons(result, TrackingNames.StoreFiles), r => Assert.Equal(IncrementalStepRunReason.Unchanged, r));
        var after = result.GeneratedSources.Where(s => s.HintName != FindingsFile).ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        var changed = Assert.Single(after, a => before[a.Key] != a.Value);
        Assert.Matches(@"^Docs\.Page\.Store\.[0-3]\.g\.cs$", changed.Key);
    }

    [Fact]
    public void Editing_one_article_of_hundreds_rewrites_its_chunk_alone()
    {
        var project = new TestProject().WithSource(Schemas.News);
        for (var i = 0; i < 300; i++)
        {
            project.WithArticle($"content/news/{i:000}.md", $"---\ntitle: T{i}\npublishedDateTime: 2022-08-08T11:55:00Z\n---\nBody {i}\n");
        }

        var texts = project.AdditionalTexts();
        var compilation = project.CreateCompilation();
        var driver = project.CreateDriver(texts).RunGenerators(compilation);
        var before = driver.GetRunResult().Results.Single().GeneratedSources.Where(s => s.HintName != FindingsFile).ToDictionary(s => s.HintName, s => s.SourceText.ToString());

        // 300 entries are four chunks by path hash; entry 200 is in one of them.
        var edited = new InMemoryAdditionalText(texts[200].Path, "---\ntitle: T200, edited\npublishedDateTime: 2022-08-08T11:55:00Z\n---\nBody 200, edited\n");
        driver = driver.ReplaceAdditionalText(texts[200], edited).RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();

        Assert.Equal(4, Reasons(result, TrackingNames.ChunkFiles).Length);
        Assert.Single(Reasons(result, TrackingNames.ChunkFiles), r => r == IncrementalStepRunReason.Modified);
        Assert.Equal(3, Reasons(result, TrackingNames.ChunkFiles).Count(r => r == IncrementalStepRunReason.Unchanged));
        Assert.All(Reasons(result, TrackingNames.StoreFiles), r => Assert.Equal(IncrementalStepRunReason.Unchanged, r));
        Assert.All(Reasons(result, TrackingNames.CatalogFiles), r => Assert.Equal(IncrementalStepRunReason.Unchanged, r));
        var after = result.GeneratedSources.Where(s => s.HintName != FindingsFile).ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        var changed = Assert.Single(after, a => before[a.Key] != a.Value);
        Assert.Matches(@"^Blog\.NewsArticle\.Store\.[0-3]\.g\.cs$", changed.Key);
        Assert.Contains("T200, edited", changed.Value);
    }

    [Fact]
    public void With_embedded_bodies_editing_a_body_alone_leaves_every_generated_file_as_it_was()
    {
        // The body is read from the embedded file at run time: nothing the compiler reads depends on it.
        var project = new TestProject().WithSource(Schemas.News).WithEmbeddedBodies();
        for (var i = 0; i < 300; i++)
        {
            project.WithArticle($"content/news/{i:000}.md", $"---\ntitle: T{i}\npublishedDateTime: 2022-08-08T11:55:00Z\n---\nBody {i}\n");
        }

        var texts = project.AdditionalTexts();
        var compilation = project.CreateCompilation();
        var driver = project.CreateDriver(texts).RunGenerators(compilation);
        var edited = new InMemoryAdditionalText(texts[200].Path, "---\ntitle: T200\npublishedDateTime: 2022-08-08T11:55:00Z\n---\nBody 200, rewritten at length\n");
        var result = driver.ReplaceAdditionalText(texts[200], edited).RunGenerators(compilation).GetRunResult().Results.Single();

        // The parse keeps no packed body, so the edited article reads and binds to what it was: nothing after it runs again.
        Assert.Equal(299, Reasons(result, TrackingNames.BoundArticles).Count(r => r == IncrementalStepRunReason.Cached));
        Assert.Single(Reasons(result, TrackingNames.BoundArticles), r => r == IncrementalStepRunReason.Unchanged);
        Assert.All(Reasons(result, TrackingNames.Catalogs), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(Reasons(result, TrackingNames.ChunkFiles), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(Reasons(result, TrackingNames.StoreFiles), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(Reasons(result, TrackingNames.CatalogFiles), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
    }

    [Theory]
    [InlineData("add")]
    [InlineData("remove")]
    public void Adding_or_removing_one_article_of_a_thousand_rewrites_its_chunk_and_the_directory_alone(string change)
    {
        // v1 numbered entries by path: an article added in the middle moved every later entry, and every later chunk.
        var project = new TestProject().WithSource(Schemas.News);
        for (var i = 0; i < 1000; i++)
        {
            project.WithArticle($"content/news/{i:0000}.md", $"---\ntitle: T{i}\npublishedDateTime: 2022-08-08T11:55:00Z\n---\n");
        }

        var texts = project.AdditionalTexts();
        var compilation = project.CreateCompilation();
        var driver = project.CreateDriver(texts).RunGenerators(compilation);
        var before = driver.GetRunResult().Results.Single().GeneratedSources.Where(s => s.HintName != FindingsFile).ToDictionary(s => s.HintName, s => s.SourceText.ToString());

        driver = change == "add"
            ? driver.AddAdditionalTexts([new InMemoryAdditionalText("/project/content/news/0500-b.md", "---\ntitle: Added\npublishedDateTime: 2022-08-08T11:55:00Z\n---\n")])
            : driver.RemoveAdditionalTexts([texts[500]]);
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();
        var after = result.GeneratedSources.Where(s => s.HintName != FindingsFile).ToDictionary(s => s.HintName, s => s.SourceText.ToString());

        // 1,000 entries are eight chunks by path hash; one of them changes, with the directory and the count.
        Assert.Equal(8, after.Keys.Count(k => Regex.IsMatch(k, @"\.Store\.[0-9]+\.g\.cs$")));
        var changed = after.Where(a => !before.TryGetValue(a.Key, out var text) || text != a.Value).Select(a => a.Key).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(3, changed.Count);
        Assert.Contains("Blog.NewsArticle.g.cs", changed);
        Assert.Contains("Blog.NewsArticle.Store.g.cs", changed);
        Assert.Single(changed, k => Regex.IsMatch(k, @"\.Store\.[0-9]+\.g\.cs$"));
        Assert.Equal(7, Reasons(result, TrackingNames.ChunkFiles).Count(r => r == IncrementalStepRunReason.Unchanged));

        // And the catalog built this way is the one a fresh build makes, entry for entry.
        var fresh = new TestProject().WithSource(Schemas.News);
        foreach (var text in change == "add" ? texts.Append(new InMemoryAdditionalText("/project/content/news/0500-b.md", "---\ntitle: Added\npublishedDateTime: 2022-08-08T11:55:00Z\n---\n")) : texts.Where((_, i) => i != 500))
        {
            fresh.WithArticle(text.Path.Substring("/project/".Length), text.GetText()!.ToString());
        }

        var run = fresh.Run().AssertNoArticleDiagnostics();
        Assert.Equal(run.Result.Results.Single().GeneratedSources.Where(s => s.HintName != FindingsFile).ToDictionary(s => s.HintName, s => s.SourceText.ToString()), after);
        var titles = (string)run.Evaluate("string.Join('|', System.Linq.Enumerable.Select(Blog.NewsArticle.All, a => a.Title))")!;
        Assert.Equal(change == "add" ? 1001 : 999, titles.Split('|').Length);
        Assert.Equal(change == "add" ? "Added" : "T501", run.Evaluate("Blog.NewsArticle.All[500].Title"));
        Assert.Equal("T999", run.Evaluate("Blog.NewsArticle._0999.Title"));
    }

    [Fact]
    public void An_unrelated_CSharp_edit_reparses_and_rebinds_nothing()
    {
        var project = ThreeArticles();
        var texts = project.AdditionalTexts();
        var compilation = project.CreateCompilation();
        var driver = project.CreateDriver(texts).RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("public static class Unrelated { public static int X => 1; }", new CSharpParseOptions(LanguageVersion.CSharp12), "/project/Unrelated.cs"));
        driver = driver.RunGenerators(edited);
        var result = driver.GetRunResult().Results.Single();

        Assert.All(Reasons(result, TrackingNames.BoundArticles), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(Reasons(result, TrackingNames.Catalogs), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.Equal(3, Reasons(result, TrackingNames.BoundArticles).Length);
    }

    /// <summary>
    /// What the compiler server does when it keeps a project's generator state between builds (enable-generator-cache,
    /// which ArticleGen's targets ask for): the last build's driver, a new compilation, and a new AdditionalText object
    /// for every file. Files are compared by path and content, so unchanged ones read and bind nothing.
    /// </summary>
    [Fact]
    public void A_kept_driver_given_new_objects_for_unchanged_files_reads_and_binds_nothing()
    {
        var project = ThreeArticles();
        var texts = project.AdditionalTexts();
        var driver = project.CreateDriver(texts).RunGenerators(project.CreateCompilation());
        var before = driver.GetRunResult().Results.Single().GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())).ToList();

        var result = driver.ReplaceAdditionalTexts(Anew(texts)).RunGenerators(project.CreateCompilation()).GetRunResult().Results.Single();

        Assert.Equal([IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Unchanged], Reasons(result, TrackingNames.MarkdownFiles));
        Assert.Equal([IncrementalStepRunReason.Cached, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Cached], Reasons(result, TrackingNames.BoundArticles));
        Assert.All(Reasons(result, TrackingNames.Catalogs), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.Equal(before, result.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())));
    }

    [Fact]
    public void A_kept_driver_given_new_objects_reads_and_binds_the_one_changed_file_and_gives_what_a_fresh_build_gives()
    {
        var project = ThreeArticles();
        var texts = project.AdditionalTexts();
        var driver = project.CreateDriver(texts).RunGenerators(project.CreateCompilation());

        // The same length as before, so only the content tells the files apart.
        const string edited = "---\ntitle: X\npublishedDateTime: 2022-08-09T11:55:00Z\n---\n";
        var anew = Anew(texts).Select(t => t.Path.EndsWith("b.md", StringComparison.Ordinal) ? new InMemoryAdditionalText(t.Path, edited) : t).ToImmutableArray();
        Assert.Equal(texts.Single(t => t.Path.EndsWith("b.md", StringComparison.Ordinal)).GetText()!.Length, edited.Length);
        var result = driver.ReplaceAdditionalTexts(anew).RunGenerators(project.CreateCompilation()).GetRunResult().Results.Single();

        Assert.Equal([IncrementalStepRunReason.Cached, IncrementalStepRunReason.Modified, IncrementalStepRunReason.Cached], Reasons(result, TrackingNames.BoundArticles));
        Assert.Equal(ThreeArticles(edited).Run().GeneratedSources, result.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())));
    }

    /// <summary>Each text as a new object with the same path and content, as the compiler server reads the files again.</summary>
    private static ImmutableArray<AdditionalText> Anew(ImmutableArray<AdditionalText> texts) =>
        texts.Select(t => (AdditionalText)new InMemoryAdditionalText(t.Path, t.GetText()!.ToString())).ToImmutableArray();

    [Fact]
    public void A_comment_in_the_collections_own_file_reparses_rebinds_and_rebuilds_nothing()
    {
        // Places in the .cs file are not part of what articles bind to: a comment above the declaration moves them all.
        var project = ThreeArticles();
        var texts = project.AdditionalTexts();
        var compilation = project.CreateCompilation();
        var driver = project.CreateDriver(texts).RunGenerators(compilation);
        var before = driver.GetRunResult().Results.Single().GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())).ToList();

        var schemaTree = compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("Collections.cs", StringComparison.Ordinal));
        var commented = schemaTree.WithChangedText(schemaTree.GetText().Replace(0, 0, "// The news of the site.\n// Two lines, so every place in the file moves.\n\n"));
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(schemaTree, commented));
        var result = driver.GetRunResult().Results.Single();

        Assert.All(Reasons(result, TrackingNames.Collections), r => Assert.NotEqual(IncrementalStepRunReason.Cached, r)); // the declaration was read again …
        Assert.All(Reasons(result, TrackingNames.Schemas), r => Assert.Equal(IncrementalStepRunReason.Unchanged, r));     // … and binds the same
        Assert.All(Reasons(result, TrackingNames.BoundArticles), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(Reasons(result, TrackingNames.Catalogs), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.Equal(3, Reasons(result, TrackingNames.BoundArticles).Length);
        Assert.Equal(before, result.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())));
    }

    [Fact]
    public void Changing_the_string_data_budget_reparses_and_rebinds_nothing()
    {
        var project = ThreeArticles();
        var texts = project.AdditionalTexts();
        var compilation = project.CreateCompilation();
        var driver = project.CreateDriver(texts).RunGenerators(compilation);

        driver = driver.WithUpdatedAnalyzerConfigOptions(project.WithProperty("ArticleGenStringDataBudget", "0").OptionsProvider()).RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();

        Assert.All(Reasons(result, TrackingNames.BoundArticles), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.Equal(3, Reasons(result, TrackingNames.BoundArticles).Length);
    }

    [Fact]
    public void Changing_the_schema_reads_and_binds_every_article_again()
    {
        // Reading and binding are one step (the driver would keep every parsed tree otherwise): a new schema reads all.
        var project = ThreeArticles();
        var texts = project.AdditionalTexts();
        var compilation = project.CreateCompilation();
        var driver = project.CreateDriver(texts).RunGenerators(compilation);

        var schemaTree = compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("Collections.cs", StringComparison.Ordinal));
        var changedSchema = schemaTree.WithChangedText(schemaTree.GetText().Replace(
            schemaTree.GetText().ToString().IndexOf("public int Quality", StringComparison.Ordinal), 0, "public string? Subtitle { get; init; }\n    "));
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(schemaTree, changedSchema));
        var result = driver.GetRunResult().Results.Single();

        Assert.All(Reasons(result, TrackingNames.BoundArticles), r => Assert.NotEqual(IncrementalStepRunReason.Cached, r));
    }

    [Theory]
    [InlineData("ratio: 0.0", "ratio: -0.0")]
    [InlineData("price: 1.1", "price: 1.10")]
    public void Editing_a_number_to_an_equal_one_of_another_sign_or_scale_rewrites_the_catalog(string before, string after)
    {
        const string reading = "namespace Lab; [ArticleCollection(\"content/*.md\")] public sealed partial record Reading { public double Ratio { get; init; } public decimal Price { get; init; } }";
        TestProject With(string line) => new TestProject().WithSource(reading).WithArticle("content/a.md", $"---\n{line}\n---\n");

        var project = With(before);
        var texts = project.AdditionalTexts();
        var compilation = project.CreateCompilation();
        var driver = project.CreateDriver(texts).RunGenerators(compilation);
        driver = driver.ReplaceAdditionalText(texts[0], new InMemoryAdditionalText(texts[0].Path, $"---\n{after}\n---\n")).RunGenerators(compilation);
        var edited = driver.GetRunResult().Results.Single().GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())).ToList();

        // -0.0 equals 0.0 and 1.10m equals 1.1m, yet a program tells them apart: the edit must reach the catalog.
        var fresh = With(after).Run().GeneratedSources;
        Assert.NotEqual(With(before).Run().GeneratedSources, fresh);
        Assert.Equal(fresh, edited);
    }

    [Fact]
    public void No_step_output_holds_a_symbol_a_compilation_a_syntax_node_or_an_additional_text()
    {
        var project = ThreeArticles();
        var driver = project.CreateDriver().RunGenerators(project.CreateCompilation());
        var result = driver.GetRunResult().Results.Single();

        string[] ownSteps = [TrackingNames.Collections, TrackingNames.MarkdownFiles, TrackingNames.Schemas, TrackingNames.Options, TrackingNames.BoundArticles, TrackingNames.LayoutKeys, TrackingNames.Layouts, TrackingNames.Catalogs];
        foreach (var name in ownSteps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(name), $"no tracked step {name}");
            foreach (var output in result.TrackedSteps[name].SelectMany(s => s.Outputs))
            {
                AssertHoldsNoRoslynObjects(output.Value, $"step {name}", new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    private static IncrementalStepRunReason[] Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();

    private static void AssertHoldsNoRoslynObjects(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(value is ISymbol or Compilation or SyntaxNode or SyntaxTree or SemanticModel or AdditionalText, $"{path} holds a {value.GetType().Name}");

        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                AssertHoldsNoRoslynObjects(item, $"{path}[{i++}]", seen);
            }

            return;
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertHoldsNoRoslynObjects(field.GetValue(value), $"{path}.{field.Name}", seen);
        }
    }
}
