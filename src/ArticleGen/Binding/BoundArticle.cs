using ArticleGen.Common;
using ArticleGen.Diagnostics;

namespace ArticleGen.Binding;

/// <summary>
/// One article bound to its collection's schema: the entry's values, or the diagnostics that keep it out of the
/// catalog. A function of the article's text and the schemas only.
/// </summary>
/// <param name="CollectionTypeName">The collection the file belongs to (the type's <c>global::</c> name).</param>
/// <param name="RelativePath">The path relative to the project directory, '/'-separated (the entry's <c>SourcePath</c>).</param>
/// <param name="Id">The path relative to the glob's base directory, without extension.</param>
/// <param name="Slug">The <c>slug</c> key, or else the file name without extension.</param>
/// <param name="Body">The text after the front matter.</param>
/// <param name="Title">The entry's title, for its XML doc comment.</param>
/// <param name="Value">The bound front matter; null when the article could not be read.</param>
/// <param name="Opening">Where the front matter opens: cross-file diagnostics (ART008) point there.</param>
/// <param name="Diagnostics">Everything wrong with this article on its own.</param>
/// <param name="AlsoMatchedBy">Another collection whose glob matches the file too (ART014); it still counts as a match there (no ART012).</param>
internal sealed record BoundArticle(
    string CollectionTypeName,
    string RelativePath,
    string Id,
    string Slug,
    string Body,
    string? Title,
    ObjectValue? Value,
    LocationInfo Opening,
    EquatableArray<DiagnosticInfo> Diagnostics,
    string? AlsoMatchedBy = null)
{
    /// <summary>An entry with an error-level diagnostic is left out of the catalog, so the generated code always compiles.</summary>
    public bool IsIncluded => Value is not null && !HasErrors;

    public bool HasErrors
    {
        get
        {
            foreach (var diagnostic in Diagnostics)
            {
                if (diagnostic.IsError)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
