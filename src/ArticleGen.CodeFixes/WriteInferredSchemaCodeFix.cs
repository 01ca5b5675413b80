using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace ArticleGen.CodeFixes;

/// <summary>
/// ART022's fix, "Write the inferred schema": the properties ArticleGen inferred for a collection that declares none
/// go into the user's declaration (and the records of its mappings beside it), as their own code. The declaration then
/// declares a schema, ArticleGen stops inferring, and the build produces the same catalog.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WriteInferredSchemaCodeFix))]
[Shared]
public sealed class WriteInferredSchemaCodeFix : CodeFixProvider
{
    public const string Title = "Write the inferred schema";

    /// <summary>The ID of the diagnostic (ArticleGen's ART022) and the names of its properties that carry the schema's text.</summary>
    private const string DiagnosticId = "ART022";
    private const string MembersProperty = "members";
    private const string TypesProperty = "types";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticId);

    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault() is not { } declaration
                || !diagnostic.Properties.TryGetValue(MembersProperty, out var members) || string.IsNullOrEmpty(members))
            {
                continue;
            }

            diagnostic.Properties.TryGetValue(TypesProperty, out var types);
            context.RegisterCodeFix(
                CodeAction.Create(Title, cancellationToken => WriteAsync(context.Document, declaration, members!, types ?? "", cancellationToken), equivalenceKey: Title),
                diagnostic);
        }
    }

    private static async Task<Document> WriteAsync(Document document, TypeDeclarationSyntax declaration, string members, string types, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var written = SyntaxFactory.ParseCompilationUnit("partial class __ArticleGenInferred\n{\n" + members + "\n}\n")
            .Members.OfType<TypeDeclarationSyntax>().Single().Members
            .Select(member => OwnCode(member))
            .ToArray();
        var records = SyntaxFactory.ParseCompilationUnit(types).Members
            .Select(member => OwnCode(member))
            .Select(record => record.WithLeadingTrivia(record.GetLeadingTrivia().Insert(0, SyntaxFactory.ElasticLineFeed)))
            .ToArray();

        var filled = declaration.SemicolonToken.IsKind(SyntaxKind.SemicolonToken)
            ? declaration
                .WithSemicolonToken(default)
                .WithOpenBraceToken(SyntaxFactory.Token(SyntaxKind.OpenBraceToken))
                .WithCloseBraceToken(SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithTrailingTrivia(declaration.SemicolonToken.TrailingTrivia.Add(SyntaxFactory.ElasticLineFeed)))
                .WithMembers(SyntaxFactory.List(written))
            : declaration.WithMembers(declaration.Members.AddRange(written));
        filled = filled.WithAdditionalAnnotations(Formatter.Annotation);

        // The records go beside the declaration (beside the outermost type that holds it), in its namespace or file.
        var outermost = declaration.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().Last();
        var newOutermost = outermost == declaration ? filled : outermost.ReplaceNode(declaration, filled);
        var placed = new MemberDeclarationSyntax[] { newOutermost }.Concat(records);
        var newRoot = outermost.Parent switch
        {
            BaseNamespaceDeclarationSyntax space => root.ReplaceNode(space, space.WithMembers(Place(space.Members, outermost, placed))),
            CompilationUnitSyntax unit => root.ReplaceNode(unit, unit.WithMembers(Place(unit.Members, outermost, placed))),
            _ => root.ReplaceNode(outermost, newOutermost),
        };

        var changed = document.WithSyntaxRoot(newRoot);
        changed = await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static SyntaxList<MemberDeclarationSyntax> Place(SyntaxList<MemberDeclarationSyntax> members, MemberDeclarationSyntax old, System.Collections.Generic.IEnumerable<MemberDeclarationSyntax> placed)
    {
        var at = members.IndexOf(old);
        return members.RemoveAt(at).InsertRange(at, placed);
    }

    /// <summary>A generated member made the user's own: no <c>[GeneratedCode]</c> (ArticleGen reads only the user's members), names left to simplify.</summary>
    private static MemberDeclarationSyntax OwnCode(MemberDeclarationSyntax member)
    {
        var lists = member.AttributeLists
            .Select(list => list.WithAttributes(SyntaxFactory.SeparatedList(list.Attributes.Where(a => !a.Name.ToString().EndsWith("GeneratedCode", System.StringComparison.Ordinal)))))
            .Where(list => list.Attributes.Count > 0);
        var own = member.WithAttributeLists(SyntaxFactory.List(lists));
        if (own is TypeDeclarationSyntax type)
        {
            own = type.WithMembers(SyntaxFactory.List(type.Members.Select(OwnCode)));
        }

        return own.WithLeadingTrivia(member.GetLeadingTrivia()).WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation);
    }
}
