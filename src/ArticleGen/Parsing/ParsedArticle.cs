using ArticleGen.Common;
using ArticleGen.Diagnostics;

namespace ArticleGen.Parsing;

/// <summary>
/// One Markdown file after parsing: its front matter as a positioned tree and its body. A function of the
/// file's path and text only, so editing one article re-parses that article alone.
/// </summary>
/// <param name="FilePath">The path the compiler knows the file by; diagnostics are reported against it.</param>
/// <param name="RelativePath">The path relative to the project directory, '/'-separated: what globs match.</param>
/// <param name="FrontMatter">The front matter's top-level mapping; null when the file has none or it did not parse.</param>
/// <param name="OpeningLine">The opening '---' line (line 1 of the file when there is none).</param>
/// <param name="Body">The text after the closing '---' line, with line endings normalised to '\n'.</param>
/// <param name="Diagnostics">What made the file unreadable (ART001, ART002, ART003, ART013).</param>
internal sealed record ParsedArticle(
    string FilePath,
    string RelativePath,
    YamlMapping? FrontMatter,
    SourceRange OpeningLine,
    string Body,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>
    /// Where the front matter's text ends (the closing '---' line's start); the whole text when it is never closed.
    /// Only what comes before can hold unreadable bytes that matter: a body is text, kept as written.
    /// </summary>
    public int FrontMatterEnd { get; init; } = int.MaxValue;

    /// <summary>
    /// The body's name in the packed bodies, when the catalog reads it from there (<see cref="Body"/> is then empty):
    /// the build packs bodies, the file is below the project folder, and the compiler read it as UTF-8 (only such a
    /// file's body reads back from its bytes the same way; a UTF-16 file without a BOM, read through &lt;CodePage&gt;,
    /// could not). Null when the body is compiled in.
    /// </summary>
    public string? PackedBody { get; init; }

    /// <summary>Where <see cref="Body"/> starts in the file, for the places of its links (<see cref="Rendering.BodyPlace"/>).</summary>
    public Rendering.BodyPlace BodyPlace { get; init; }

    public LocationInfo LocationOf(SourceRange range) => new(FilePath, range.Span, range.LineSpan);
}
