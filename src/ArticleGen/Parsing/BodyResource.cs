using Microsoft.CodeAnalysis.Diagnostics;

namespace ArticleGen.Parsing;

/// <summary>
/// An article file that the build embeds in the assembly as a manifest resource (the package's props give the
/// project's Markdown files the item metadata <c>ArticleGenResource</c>, and its targets hand
/// them to the compiler as resources). Its body is read from there on first use instead of being compiled in as data,
/// so the code the compiler reads does not grow with the bodies.
/// </summary>
/// <param name="FilePath">The path the compiler knows the file by.</param>
/// <param name="Name">The resource's name.</param>
internal sealed record BodyResource(string FilePath, string Name)
{
    /// <summary>The item metadata, as the compiler hands it over (made visible by <c>CompilerVisibleItemMetadata</c>).</summary>
    public const string MetadataKey = "build_metadata.AdditionalFiles.ArticleGenResource";

    /// <summary>
    /// The resource of a file the build embeds (its metadata is <c>true</c>): named <c>ArticleGen/</c> and its path in the
    /// project, as the targets name it. The name is not passed in the metadata itself, since the compiler hands metadata
    /// over through an .editorconfig, where '#' and ';' start comments.
    /// </summary>
    public static BodyResource? Of(string filePath, string projectDirectory, AnalyzerConfigOptions options) =>
        options.TryGetValue(MetadataKey, out var embedded) && string.Equals(embedded.Trim(), "true", System.StringComparison.OrdinalIgnoreCase)
            // A path the compiler does not spell below the project directory (another casing on Windows) could be
            // named otherwise by MSBuild: its body is compiled in rather than looked up under a name that may not exist.
            && projectDirectory.Length > 0 && filePath.Replace('\\', '/').StartsWith(projectDirectory, System.StringComparison.Ordinal)
            ? new BodyResource(filePath, "ArticleGen/" + ProjectOptions.RelativePathOf(projectDirectory, filePath))
            : null;
}
