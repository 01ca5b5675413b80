using System;
using System.Linq;
using System.Text;
using System.Threading;
using ArticleGen.Common;
using ArticleGen.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ArticleGen.Parsing;

/// <summary>Reads an article file as the compiler hands it over, for the generator and the analyzer alike.</summary>
internal static class ArticleSource
{
    /// <summary>For the analyzer, which reports on front matter, and on links when a collection renders its bodies: the body is kept only then.</summary>
    public static ParsedArticle Read(AdditionalText file, ProjectOptions options, bool keepBody, CancellationToken cancellationToken) =>
        Read(MarkdownFile.Read(file, cancellationToken), options.ProjectDirectory, bodiesPacked: true, cancellationToken, keepBody);

    /// <param name="file">The article.</param>
    /// <param name="projectDirectory">The project directory ('/'-terminated).</param>
    /// <param name="bodiesPacked">
    /// Whether the build packs bodies into the assembly (<see cref="ProjectOptions.BodiesPacked"/>): the body of a file
    /// the catalog will read from the pack is not kept (on a site of long pages, most of what the generator would hold).
    /// </param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <param name="keepBody">Keep the body even when it is packed: a collection renders bodies, and rendering needs it.</param>
    public static ParsedArticle Read(MarkdownFile file, string projectDirectory, bool bodiesPacked, CancellationToken cancellationToken, bool keepBody = false)
    {
        var relativePath = ProjectOptions.RelativePathOf(projectDirectory, file.Path);
        if (file.ReadFailure is { } readFailure)
        {
            return Failed(file, relativePath, readFailure);
        }

        try
        {
            var text = file.Text;
            var content = text?.ToString() ?? "";
            var packedBody = text?.Encoding is null or UTF8Encoding ? BodyResource.NameOf(file.Path, projectDirectory, bodiesPacked) : null;
            var parsed = FrontMatterReader.Read(file.Path, relativePath, content, keepBody: keepBody || packedBody is null, cancellationToken) with { PackedBody = packedBody };
            return text is null ? parsed : CheckDecoding(parsed, text, content);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return Failed(file, relativePath, exception);
        }
    }

    private static ParsedArticle Failed(MarkdownFile file, string relativePath, Exception exception)
    {
        var failure = InternalErrors.At(new LocationInfo(file.Path, default, default), "reading " + relativePath, exception);
        return new ParsedArticle(file.Path, relativePath, null, default, "", new[] { failure }.ToEquatableArray());
    }

    /// <summary>
    /// YAML is UTF-8 or UTF-16. A file that is not valid UTF-8 is read by the compiler either in a fallback code
    /// page (every non-ASCII character silently changes) or as UTF-8 with U+FFFD in place of the bad bytes (as on
    /// .NET on Linux): either way its text is not what was written, which is an error, not an entry.
    /// </summary>
    private static ParsedArticle CheckDecoding(ParsedArticle parsed, SourceText text, string content)
    {
        if (!IsUnicode(text.Encoding))
        {
            return NotUnicode(parsed, text, 0, $"the file is not valid UTF-8 or UTF-16 (the compiler read it as {text.Encoding!.WebName}); save it as UTF-8");
        }

        // U+FFFD is what bytes that are not UTF-8 decode to (on Linux); a body may hold the character on purpose (a page
        // that explains it), and only the front matter's values become typed data, so only the front matter is checked.
        var checkedLength = System.Math.Min(parsed.FrontMatterEnd, content.Length);
        var replaced = checkedLength > 0 ? content.IndexOf('\uFFFD', 0, checkedLength) : -1;
        return replaced < 0
            ? parsed
            : NotUnicode(parsed, text, replaced, "the front matter is not valid UTF-8: it holds U+FFFD, the character that stands for bytes that could not be read; save the file as UTF-8 (a U+FFFD meant as such can be written \"\\uFFFD\" in a double-quoted value)");
    }

    private static ParsedArticle NotUnicode(ParsedArticle parsed, SourceText text, int position, string message)
    {
        var span = new TextSpan(position, position < text.Length ? 1 : 0);
        var location = new LocationInfo(parsed.FilePath, span, text.Lines.GetLinePositionSpan(span));
        var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.InvalidYaml, location, message);
        return parsed with { FrontMatter = null, Diagnostics = parsed.Diagnostics.Append(diagnostic).ToEquatableArray() };
    }

    private static bool IsUnicode(Encoding? encoding) => encoding is null or UTF8Encoding or UnicodeEncoding or UTF32Encoding;
}
