using System;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;

namespace ArticleGen.Rendering;

/// <summary>
/// A collection's Markdown: Markdig with the extensions its <c>MarkdownExtensions</c> names. Equal to another by that
/// string alone, so a schema that holds it stays value-equatable; the pipeline is built once, when the declaration is
/// read, and shared by every article the schema binds (building one costs more than rendering a short page).
/// </summary>
internal sealed class MarkdownDialect : IEquatable<MarkdownDialect>
{
    /// <summary>What a collection that names no extensions gets: Markdig's <c>advanced</c> set, as contract §6 says.</summary>
    public const string DefaultExtensions = "advanced";

    private MarkdownDialect(string extensions, MarkdownPipeline pipeline)
    {
        Extensions = extensions;
        Pipeline = pipeline;
    }

    /// <summary>The extension string as declared (<c>advanced</c> when none was).</summary>
    public string Extensions { get; }

    /// <summary>Markdig's pipeline: thread-safe for parsing, so articles bound concurrently (the analyzer) share it.</summary>
    public MarkdownPipeline Pipeline { get; }

    /// <summary>The dialect of <paramref name="extensions"/>, or null with Markdig's reason when it names an extension Markdig does not have.</summary>
    public static MarkdownDialect? TryCreate(string? extensions, out string? error)
    {
        error = null;
        var declared = extensions ?? DefaultExtensions;
        var builder = new MarkdownPipelineBuilder();
        try
        {
            builder.Configure(declared);
        }
        catch (ArgumentException exception)
        {
            error = exception.Message;
            return null;
        }

        // Headings always carry ids (contract §6), whatever the extensions; Markdig's default identifiers are ASCII
        // only (a fixed folding table, no culture or ICU), so they are the same on every build machine.
        if (!builder.Extensions.Contains<AutoIdentifierExtension>())
        {
            builder.UseAutoIdentifiers();
        }

        // Links are reported at their exact place: inline spans must be exact, not per line.
        builder.UsePreciseSourceLocation();
        return new MarkdownDialect(declared, builder.Build());
    }

    public bool Equals(MarkdownDialect? other) => other is not null && string.Equals(Extensions, other.Extensions, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as MarkdownDialect);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Extensions);

    public override string ToString() => Extensions;
}
