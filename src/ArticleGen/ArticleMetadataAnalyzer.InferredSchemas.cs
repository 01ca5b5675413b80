using System.Collections.Immutable;
using System.Linq;
using ArticleGen.Common;
using ArticleGen.Diagnostics;
using ArticleGen.Schema;
using Microsoft.CodeAnalysis;

namespace ArticleGen;

/// <summary>What the analyzer says about collections whose schema is inferred (contract §7): ART022, and the text its code fix writes.</summary>
public sealed partial class ArticleMetadataAnalyzer
{
    /// <summary>
    /// ART022, at the user's own declaration of a collection whose properties ArticleGen inferred: how many there are
    /// (the generated half of the type holds them). Nothing before the generator has run (no property yet).
    /// </summary>
    private static Diagnostic? InferredSchemaNotice(ISymbol symbol, Compilation compilation, System.Threading.CancellationToken cancellationToken)
    {
        if (symbol is not INamedTypeSymbol type)
        {
            return null;
        }

        var inferred = type.GetMembers().OfType<IPropertySymbol>().Count(p =>
            !p.IsStatic && !SchemaReader.IsUserDeclared(p, cancellationToken) && p.Name is not ("Id" or "Slug" or "Body" or "SourcePath" or "Url"));
        var declaration = type.Locations.FirstOrDefault(l => l.SourceTree is { } tree && !tree.FilePath.Contains(GeneratorFolder));
        return inferred == 0 || declaration is null
            ? null
            : Diagnostic.Create(
                DiagnosticDescriptors.SchemaInferred, declaration, InferredSchemaText(type, compilation, cancellationToken), type.Name, inferred.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Property names of ART022 that carry the generated schema's text to the code fix (which runs where the generator's output is not at hand).</summary>
    public const string InferredMembersProperty = "members";

    /// <inheritdoc cref="InferredMembersProperty"/>
    public const string InferredTypesProperty = "types";

    /// <summary>The inferred members of <paramref name="type"/> and the records beside it, as the generated file writes them.</summary>
    private static ImmutableDictionary<string, string?> InferredSchemaText(INamedTypeSymbol type, Compilation compilation, System.Threading.CancellationToken cancellationToken)
    {
        var members = new System.Text.StringBuilder();
        var types = new System.Text.StringBuilder();
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (!reference.SyntaxTree.FilePath.Contains(GeneratorFolder) || !reference.SyntaxTree.FilePath.EndsWith(".Schema.g.cs", System.StringComparison.Ordinal))
            {
                continue;
            }

            if (reference.GetSyntax(cancellationToken) is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax declaration)
            {
                foreach (var member in declaration.Members)
                {
                    members.Append(member.ToFullString());
                }

                var root = reference.SyntaxTree.GetRoot(cancellationToken);
                foreach (var record in root.DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax>())
                {
                    if (!record.Modifiers.Any(Microsoft.CodeAnalysis.CSharp.SyntaxKind.PartialKeyword) && record.Parent is not Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax)
                    {
                        types.Append(record.ToFullString());
                    }
                }
            }
        }

        return ImmutableDictionary<string, string?>.Empty
            .Add(InferredMembersProperty, members.ToString())
            .Add(InferredTypesProperty, types.ToString());
    }

    /// <summary>The folder of the generator's files among the compilation's trees (their paths name the generator).</summary>
    private const string GeneratorFolder = "ArticleGen.ArticleCollectionGenerator";
}
