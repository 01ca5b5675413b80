using System.Collections.Immutable;
using ArticleGen.CodeFixes;
using ArticleGen.Tests.Infrastructure;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
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

        var written = await ApplyFixAsync(Declaration, notice);
        Assert.Equal(written, await ApplyFixAsync(Declaration, notice)); // deterministic
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

    /// <summary>The declaration's file after the fix, applied in an ad hoc workspace.</summary>
    private static async Task<string> ApplyFixAsync(string source, Diagnostic notice)
    {
        using var workspace = new AdhocWorkspace();
        // The user's project as an IDE sees it: nullable on, the global usings, the attributes the generator adds.
        var project = workspace.AddProject(ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Default, "Consumer", "Consumer", LanguageNames.CSharp)
            .WithMetadataReferences(Net80.References.All)
            .WithCompilationOptions(new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .WithParseOptions(new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp12)));
        workspace.AddDocument(project.Id, "GlobalUsings.cs", SourceText.From("global using System;\nglobal using System.Collections.Generic;\nglobal using ArticleGen;\n"));
        workspace.AddDocument(project.Id, "ArticleGen.Attributes.g.cs", SourceText.From(ArticleGen.Emit.AttributeSource.Text));
        var document = workspace.AddDocument(project.Id, "Collections.cs", SourceText.From(source));
        var tree = (await document.GetSyntaxTreeAsync())!;
        var located = Diagnostic.Create(notice.Descriptor, Location.Create(tree, notice.Location.SourceSpan), notice.Properties, "Post", "0");

        var actions = new List<CodeAction>();
        var fix = new WriteInferredSchemaCodeFix();
        Assert.Contains("ART022", fix.FixableDiagnosticIds);
        await fix.RegisterCodeFixesAsync(new CodeFixContext(document, located, (action, _) => actions.Add(action), CancellationToken.None));
        var action = Assert.Single(actions);
        Assert.Equal("Write the inferred schema", action.Title);
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return (await changed.GetDocument(document.Id)!.GetTextAsync()).ToString();
    }
}
