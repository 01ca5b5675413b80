using ArticleGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ArticleGen.Tests;

/// <summary>Contract §2 and §5 (ART011): declarations that cannot be a collection are errors in the .cs file.</summary>
public sealed class DeclarationErrorTests
{
    private static Diagnostic SingleDeclarationError(string source, string article = "---\n---\n")
    {
        var run = new TestProject().WithSource(source).WithArticle("content/a.md", article).Run();
        return DiagnosticAssert.Single(run.ArticleDiagnostics, "ART011");
    }

    [Fact]
    public void A_type_that_is_not_partial()
    {
        var diagnostic = SingleDeclarationError("[ArticleCollection(\"content/*.md\")]\npublic sealed record Post { public string? Title { get; init; } }");
        DiagnosticAssert.At(diagnostic, "ART011", DiagnosticSeverity.Error, "Collections.cs", 2, 22);
        Assert.Equal("Post must be declared 'partial' so that ArticleGen can add its catalog", DiagnosticAssert.Message(diagnostic));
    }

    [Fact]
    public void A_property_of_a_type_ArticleGen_cannot_bind()
    {
        var diagnostic = SingleDeclarationError("[ArticleCollection(\"content/*.md\")]\npublic sealed partial record Post\n{\n    public System.IO.Stream? Data { get; init; }\n}");
        DiagnosticAssert.At(diagnostic, "ART011", DiagnosticSeverity.Error, "Collections.cs", 4, 30);
        Assert.StartsWith("Post.Data has type Stream, which ArticleGen cannot bind", DiagnosticAssert.Message(diagnostic));
    }

    [Fact]
    public void A_non_nullable_reference_property_that_is_neither_required_nor_initialised()
    {
        var diagnostic = SingleDeclarationError("[ArticleCollection(\"content/*.md\")]\npublic sealed partial record Post\n{\n    public string Title { get; init; }\n}");
        DiagnosticAssert.At(diagnostic, "ART011", DiagnosticSeverity.Error, "Collections.cs", 4, 19);
        Assert.StartsWith("Post.Title is a non-nullable string that is neither 'required' nor initialised", DiagnosticAssert.Message(diagnostic));
    }

    [Fact]
    public void A_user_member_named_like_a_generated_static_member()
    {
        var diagnostic = SingleDeclarationError("[ArticleCollection(\"content/*.md\")]\npublic sealed partial record Post\n{\n    public static int All => 0;\n}");
        DiagnosticAssert.At(diagnostic, "ART011", DiagnosticSeverity.Error, "Collections.cs", 4, 23);
        Assert.Equal("Post declares 'All', a name ArticleGen's catalog uses: rename it", DiagnosticAssert.Message(diagnostic));
    }

    [Fact]
    public void A_user_declared_Id_that_is_not_a_settable_string()
    {
        var diagnostic = SingleDeclarationError("[ArticleCollection(\"content/*.md\")]\npublic sealed partial record Post\n{\n    public int Id { get; init; }\n}");
        DiagnosticAssert.At(diagnostic, "ART011", DiagnosticSeverity.Error, "Collections.cs", 4, 16);
    }

    [Fact]
    public void A_positional_record()
    {
        var diagnostic = SingleDeclarationError("[ArticleCollection(\"content/*.md\")]\npublic sealed partial record Post(string Title);");
        DiagnosticAssert.At(diagnostic, "ART011", DiagnosticSeverity.Error, "Collections.cs", 2, 30);
        Assert.Contains("positional records", DiagnosticAssert.Message(diagnostic));
    }

    [Fact]
    public void An_invalid_glob_is_reported_at_the_attribute()
    {
        var diagnostic = SingleDeclarationError("[ArticleCollection(\"/etc/*.md\")]\npublic sealed partial record Post { }");
        DiagnosticAssert.At(diagnostic, "ART011", DiagnosticSeverity.Error, "Collections.cs", 1, 2);
        Assert.Equal("The glob '/etc/*.md' of Post is not valid: the glob must be relative to the project directory", DiagnosticAssert.Message(diagnostic));
    }

    [Fact]
    public void A_collection_with_a_declaration_error_still_gets_its_static_members_and_no_entries()
    {
        var run = new TestProject()
            .WithSource("[ArticleCollection(\"content/*.md\")]\npublic sealed partial record Post\n{\n    public System.IO.Stream? Data { get; init; }\n}\npublic static class Uses { public static int N => Post.All.Count + Post.Count; }")
            .WithArticle("content/a.md", "---\n---\n")
            .Run()
            .AssertCompilesWithoutWarnings();
        Assert.Equal(0, run.Evaluate("Post.All.Count"));
    }

    [Fact]
    public void A_property_of_a_type_the_compilation_lacks_says_so()
    {
        var run = new TestProject()
            .WithSource("[ArticleCollection(\"content/*.md\")]\npublic sealed partial record Post\n{\n    public IReadOnlyList<Missing> Items { get; init; } = [];\n}")
            .WithArticle("content/a.md", "---\n---\n")
            .Run();

        var diagnostic = DiagnosticAssert.Single(run.ArticleDiagnostics, "ART011");
        DiagnosticAssert.At(diagnostic, "ART011", DiagnosticSeverity.Error, "Collections.cs", 4, 35);
        Assert.StartsWith("Post.Items has type IReadOnlyList<Missing>, which does not exist in this compilation", DiagnosticAssert.Message(diagnostic));
    }

    [Fact]
    public void Diagnostics_on_declarations_are_in_the_source_so_pragmas_and_SuppressMessage_apply()
    {
        // v1 reported them at a location rebuilt from a path, which '#pragma warning disable' never matched.
        var project = new TestProject()
            .WithSource("""
                #pragma warning disable ART012 // no drafts yet
                [ArticleCollection("drafts/*.md")]
                #pragma warning restore ART012
                public sealed partial record Draft { }

                [ArticleCollection("notes/*.md")]
                public sealed partial record Note { }

                [System.Diagnostics.CodeAnalysis.SuppressMessage("ArticleGen", "ART011:Declaration cannot be an article collection", Justification = "test")]
                [ArticleCollection("content/*.md")]
                public sealed partial record Post { public System.IO.Stream? Data { get; init; } }
                """);
        project.WithArticle("content/a.md", "---\n---\n");
        var run = project.Run();

        // The unsuppressed one is still reported, in the source tree, at the attribute.
        var left = DiagnosticAssert.Single(run.ArticleDiagnostics, "ART012");
        DiagnosticAssert.At(left, "ART012", DiagnosticSeverity.Warning, "Collections.cs", 6, 2);
        Assert.True(left.Location.IsInSource);
        Assert.Contains("notes/*.md", DiagnosticAssert.Message(left), StringComparison.Ordinal);
        Assert.DoesNotContain(run.ArticleDiagnostics, d => d.Id == "ART011");
    }
}
