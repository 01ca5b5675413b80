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

    public Diagnostic ToDiagnostic() => ToDiagnostic(Descriptor.DefaultSeverity);

    /// <summary>The diagnostic with a configured severity (contract §5: per-folder severities of article files).</summary>
    public Diagnostic ToDiagnostic(DiagnosticSeverity severity) =>
        Diagnostic.Create(
            Descriptor,
            Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None,
            severity,
            additionalLocations: null,
            properties: null,
            MessageArgs.Cast<object>().ToArray());
}
