using System.Collections.Generic;
using System.Linq;
using ArticleGen.Common;
using Microsoft.CodeAnalysis;

namespace ArticleGen.Diagnostics;

/// <summary>
/// A diagnostic kept as plain values (descriptor ID, place, message arguments) so that it can live in a
/// cached pipeline model; <see cref="ToDiagnostic"/> turns it into a Roslyn <see cref="Diagnostic"/> at the end.
/// </summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> MessageArgs)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] messageArgs) =>
        new(descriptor.Id, location, messageArgs.ToEquatableArray());

    public DiagnosticDescriptor Descriptor => DiagnosticDescriptors.Get(Id);

    public bool IsError => Descriptor.DefaultSeverity == DiagnosticSeverity.Error;

    public Diagnostic ToDiagnostic(SourceTrees? trees = null) => ToDiagnostic(Descriptor.DefaultSeverity, trees);

    /// <summary>
    /// The diagnostic with a configured severity (contract §5: per-folder severities of article files). With
    /// <paramref name="trees"/>, a place in a C# file becomes a location in its syntax tree, so that
    /// <c>#pragma warning disable</c> and <c>[SuppressMessage]</c> apply to it as to any compiler diagnostic.
    /// </summary>
    public Diagnostic ToDiagnostic(DiagnosticSeverity severity, SourceTrees? trees = null) =>
        Diagnostic.Create(
            Descriptor,
            Location is null ? Microsoft.CodeAnalysis.Location.None : trees?.LocationOf(Location) ?? Location.ToLocation(),
            severity,
            additionalLocations: null,
            properties: null,
            MessageArgs.Cast<object>().ToArray());
}

/// <summary>The compilation's syntax trees by path: where a diagnostic on a C# declaration is really located.</summary>
internal sealed class SourceTrees
{
    private readonly Dictionary<string, SyntaxTree> _byPath = new(System.StringComparer.Ordinal);

    public SourceTrees(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            _byPath[tree.FilePath] = tree;
        }
    }

    /// <summary>A location in the tree of <paramref name="place"/>'s file, or null for a file that is not C# source (an article).</summary>
    public Location? LocationOf(LocationInfo place) =>
        _byPath.TryGetValue(place.FilePath, out var tree) && place.Span.End <= tree.Length ? Location.Create(tree, place.Span) : null;
}
