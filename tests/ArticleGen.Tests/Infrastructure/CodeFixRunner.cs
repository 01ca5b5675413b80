using ArticleGen.CodeFixes;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace ArticleGen.Tests.Infrastructure;

/// <summary>ArticleGen's code fixes applied through a Roslyn workspace, as an IDE applies them.</summary>
internal static class CodeFixRunner
{
    /// <summary>The declaration's file after the fix, applied in an ad hoc workspace.</summary>
    public static async Task<string> WriteInferredSchemaAsync(string source, Diagnostic notice)
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
        var located = Diagnostic.Create(notice.Descriptor, Location.Create(tree, notice.Location.SourceSpan), notice.Properties, "Collection", "0");

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
