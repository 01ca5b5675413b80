using System.Text;
using System.Threading;
using ArticleGen.Common;
using ArticleGen.Diagnostics;

namespace ArticleGen.Parsing;

/// <summary>
/// Splits an article into its front matter (between a first line '---' and the next line '---') and its body,
/// then hands the front matter to <see cref="YamlTreeReader"/>.
/// </summary>
internal static class FrontMatterReader
{
    private const string Fence = "---";

    /// <param name="keepBody">Whether to keep the body (false when the build reads it from the packed bodies).</param>
    public static ParsedArticle Read(string filePath, string relativePath, string text, bool keepBody, CancellationToken cancellationToken)
    {
        var lines = new LineScanner(text);

        // A byte-order mark that survived decoding is not part of line 1.
        var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var firstLine = lines.Next(start);
        var openingRange = firstLine.RangeOfContent();

        if (firstLine.IsEnd || !IsFence(text, firstLine))
        {
            var found = firstLine.IsEnd || (firstLine.ContentEnd == firstLine.Start && firstLine.NextStart >= text.Length)
                ? "the file is empty"
                : "'" + MessageText.Shorten(text.Substring(firstLine.Start, firstLine.ContentEnd - firstLine.Start), 40) + "'";
            var location = new LocationInfo(filePath, openingRange.Span, openingRange.LineSpan);
            return Failed(DiagnosticInfo.Create(DiagnosticDescriptors.MissingFrontMatter, location, relativePath, found));
        }

        var yamlStart = firstLine.NextStart;
        var line = firstLine;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var next = lines.Next(line.NextStart, line.Number + 1);
            if (next.IsEnd)
            {
                var location = new LocationInfo(filePath, openingRange.Span, openingRange.LineSpan);
                var lastLine = (line.Number + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Failed(DiagnosticInfo.Create(DiagnosticDescriptors.UnclosedFrontMatter, location, lastLine));
            }

            line = next;

            if (IsFence(text, line))
            {
                break;
            }
        }

        var body = !keepBody || line.NextStart >= text.Length ? "" : NormalizeLineEndings(text.Substring(line.NextStart));
        var origin = new TextPosition(yamlStart, firstLine.Number + 1, 0);
        var result = YamlTreeReader.Read(text, yamlStart, line.Start, origin, filePath, cancellationToken);
        var bodyPlace = new Rendering.BodyPlace(filePath, line.NextStart, line.Number + 1, body.Length > 0 ? LineStartsWithCarriageReturns(text, line.NextStart) : null);
        return new ParsedArticle(filePath, relativePath, result.Root, openingRange, body, result.Diagnostics) { FrontMatterEnd = line.Start, BodyPlace = bodyPlace };

        ParsedArticle Failed(DiagnosticInfo diagnostic) =>
            new(filePath, relativePath, null, openingRange, "", new[] { diagnostic }.ToEquatableArray());
    }

    /// <summary>Where each line from <paramref name="start"/> on starts in <paramref name="text"/>, when a '\r' ends one of them; else null.</summary>
    private static int[]? LineStartsWithCarriageReturns(string text, int start)
    {
        if (start >= text.Length || text.IndexOf('\r', start) < 0)
        {
            return null;
        }

        var starts = new System.Collections.Generic.List<int> { start };
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] == '\r' || text[i] == '\n')
            {
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
        }

        return starts.ToArray();
    }

    private static bool IsFence(string text, Line line)
    {
        var length = line.ContentEnd - line.Start;
        if (length < Fence.Length || string.CompareOrdinal(text, line.Start, Fence, 0, Fence.Length) != 0)
        {
            return false;
        }

        // Trailing blanks after the fence are invisible in an editor, so they do not make it another line.
        for (var i = line.Start + Fence.Length; i < line.ContentEnd; i++)
        {
            if (text[i] is not (' ' or '\t'))
            {
                return false;
            }
        }

        return true;
    }

    private static string NormalizeLineEndings(string text)
    {
        if (text.IndexOf('\r') < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                builder.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>One line of the file: where its text starts and ends, and where the next line starts.</summary>
    private readonly record struct Line(int Number, int Start, int ContentEnd, int NextStart, bool IsEnd)
    {
        public SourceRange RangeOfContent() => new(
            new TextPosition(Start, Number, 0),
            new TextPosition(ContentEnd, Number, ContentEnd - Start));
    }

    /// <summary>Walks lines ending in LF, CRLF or CR, as editors and the compiler count them.</summary>
    private readonly struct LineScanner(string text)
    {
        /// <summary>The line that starts at <paramref name="start"/>; <see cref="Line.IsEnd"/> once the text is used up.</summary>
        public Line Next(int start, int number = 0)
        {
            if (start > text.Length || (start == text.Length && number > 0))
            {
                return new Line(number, text.Length, text.Length, text.Length, IsEnd: true);
            }

            var end = start;
            while (end < text.Length && text[end] is not ('\n' or '\r'))
            {
                end++;
            }

            var next = end;
            if (next < text.Length)
            {
                next += text[next] == '\r' && next + 1 < text.Length && text[next + 1] == '\n' ? 2 : 1;
            }
            else
            {
                next = text.Length + 1; // past the end: no further line
            }

            return new Line(number, start, end, next, IsEnd: false);
        }
    }
}
