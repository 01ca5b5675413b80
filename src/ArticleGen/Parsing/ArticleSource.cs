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
    public static ParsedArticle Read(AdditionalText file, ProjectOptions options, CancellationToken cancellationToken)
    {
        var relativePath = options.RelativePathOf(file.Path);
        try
        {
            var text = file.GetText(cancellationToken);
            var parsed = FrontMatterReader.Read(file.Path, relativePath, text?.ToString() ?? "", cancellationToken);
            return text is null || IsUnicode(text.Encoding) ? parsed : NotUnicode(parsed, text);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var failure = InternalErrors.At(new LocationInfo(file.Path, default, default), "reading " + relativePath, exception);
            return new ParsedArticle(file.Path, relativePath, null, default, "", new[] { failure }.ToEquatableArray());
        }
    }

    /// <summary>
    /// YAML is UTF-8 or UTF-16. The compiler reads a file that is not valid UTF-8 in its fallback code page, which
    /// turns every non-ASCII character into something else without a word: that is an error, not an entry.
    /// </summary>
    private static ParsedArticle NotUnicode(ParsedArticle parsed, SourceText text)
    {
        var firstLine = text.Lines.Count > 0 ? text.Lines[0].Span : default;
        var location = new LocationInfo(parsed.FilePath, firstLine, text.Lines.GetLinePositionSpan(firstLine));
        var diagnostic = DiagnosticInfo.Create(
            DiagnosticDescriptors.InvalidYaml,
            location,
            $"the file is not valid UTF-8 or UTF-16 (the compiler read it as {text.Encoding!.WebName}); save it as UTF-8");
        return parsed with { FrontMatter = null, Diagnostics = parsed.Diagnostics.Append(diagnostic).ToEquatableArray() };
    }

    private static bool IsUnicode(Encoding? encoding) => encoding is null or UTF8Encoding or UnicodeEncoding or UTF32Encoding;
}
