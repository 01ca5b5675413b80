using ArticleGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ArticleGen.Tests;

/// <summary>
/// Contract §7's code fix, applied through a Roslyn workspace as an IDE applies it: "Write the inferred schema" puts the
/// inferred properties and records into the declaration, the result compiles warning-free with documentation on, the
/// declaration no longer infers, and the catalog is the same, value for value.
/// </summary>
public sealed class InferredSchemaCodeFixTests
{
    private const string Declaration = """
        namespace Site;

        /// <summary>The site's posts.</summary>
        [ArticleCollection("posts/*.md")]
        public sealed partial record Post;
        """;

    private static readonly (string Path, string Text)[] Articles =
    [
        ("posts/a.md", "---\ntitle: A\nog:image: /a.png\ndate: 2024-05-09\ntags: [x, y]\nprovider:\n  name: BBC\n  logo:\n    url: /l.png\nimages:\n  - src: /1.png\n    alt: one\n---\n"),
        ("posts/b.md", "---\ntitle: B\ndate: 2024-06-01 10:00:00 +0200\ntags: z\nviews: 12\nprovider:\n  name: CNN\n---\n"),
    ];

    private static TestProject Project(string source)
    {
        var project = new TestProject().WithDocumentationFile().WithSource(source);
        foreach (var (path, text) in Articles)
        {
            project.WithArticle(path, text);
        }

        return project;
    }

    [Fact]
    public async Task Write_the_inferred_schema_writes_it_into_the_declaration_and_the_catalog_stays_the_same()
    {
        var inferred = Project(Declaration).Run().AssertOnlyArticleDiagnostics("ART022").AssertCompilesWithoutWarnings();
        var notice = DiagnosticAssert.Single(inferred.AnalyzerDiagnostics, "ART022");

        var written = await CodeFixRunner.WriteInferredSchemaAsync(Declaration, notice);
        Assert.Equal(written, await CodeFixRunner.WriteInferredSchemaAsync(Declaration, notice)); // deterministic
        Assert.Contains("public required string Title { get; init; }", written);
        Assert.Contains("[ArticleField(\"og:image\")]", written);
        Assert.Contains("public required IReadOnlyList<string> Tags { get; init; }", written);
        Assert.Contains("public string? OgImage { get; init; }", written);
        Assert.Contains("public sealed record PostProvider", written);
        Assert.DoesNotContain("GeneratedCode", written);

        var declared = Project(written).Run().AssertNoArticleDiagnostics().AssertCompilesWithoutWarnings();
        Assert.DoesNotContain(declared.GeneratedSources, s => s.HintName.EndsWith(".Schema.g.cs", StringComparison.Ordinal));
        const string catalog = "System.Text.Json.JsonSerializer.Serialize(Site.Post.All)";
        Assert.Equal(inferred.Evaluate(catalog), declared.Evaluate(catalog));
        Assert.Contains("\"OgImage\":\"/a.png\"", (string)declared.Evaluate(catalog)!);
    }
}
