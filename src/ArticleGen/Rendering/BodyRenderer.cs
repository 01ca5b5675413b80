using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using ArticleGen.Common;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.CodeAnalysis.Text;

namespace ArticleGen.Rendering;

/// <summary>
/// Renders one article's body with Markdig and reads from the same parse everything else contract §6 asks for: the
/// headings and their ids, the excerpt, the words, and every link with its place in the .md file. One parse per
/// article, and a function of the body and the collection's Markdown only, so it is cached with the article.
/// </summary>
internal static class BodyRenderer
{
    /// <summary>The line that ends an excerpt (contract §6): a line of its own at the top level.</summary>
    private const string MoreMarker = "<!--more-->";

    /// <param name="body">The body, line endings normalised to '\n'.</param>
    /// <param name="dialect">The collection's Markdown.</param>
    /// <param name="place">Where the body starts in its file, for the links' places.</param>
    /// <param name="cancellationToken">Cancels between blocks.</param>
    public static RenderedBody Render(string body, MarkdownDialect dialect, BodyPlace place, CancellationToken cancellationToken)
    {
        var document = Markdown.Parse(body, dialect.Pipeline);
        cancellationToken.ThrowIfCancellationRequested();

        // The links the build checks, and among them those whose address may become another entry's Url.
        var links = new List<BodyLink>();
        var rewritable = new Dictionary<LinkInline, int>(ReferenceIdentity<LinkInline>.Instance);
        var lines = new LineIndex(body);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.IsAutoLink || link.Url is not { } url || HasScheme(url))
            {
                continue;
            }

            if (!link.IsImage && IsRelativeMarkdownLink(url))
            {
                rewritable.Add(link, links.Count);
            }

            links.Add(new BodyLink(url, link.IsImage, place.LocationOf(lines, link.Span.Start)));
        }

        // Block by block, so that the excerpt is a range of the same HTML.
        var output = new HtmlRecorder(body);
        var renderer = new HtmlRenderer(output);
        dialect.Pipeline.Setup(renderer);
        var holes = new List<HtmlHole>();
        if (rewritable.Count > 0)
        {
            // In place of Markdig's, with what extensions set on it (MediaLinks writes embeds through its TryWriters).
            var original = renderer.ObjectRenderers.FindExact<LinkInlineRenderer>();
            var marking = new HoleMarkingLinkRenderer(output.Html, rewritable, holes) { Rel = original?.Rel };
            if (original is not null)
            {
                foreach (var tryWriter in original.TryWriters)
                {
                    marking.TryWriters.Add(tryWriter);
                }
            }

            renderer.ObjectRenderers.Replace<LinkInlineRenderer>(marking);
        }

        // The excerpt: what comes before a <!--more--> line at the top level, or else the first top-level paragraph.
        var html = output.Html;
        var hasMore = false;
        foreach (var block in document)
        {
            hasMore |= IsMoreMarker(block);
        }

        int? excerptStart = hasMore ? 0 : null, excerptEnd = null;
        foreach (var block in document)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (hasMore && excerptEnd is null && IsMoreMarker(block))
            {
                excerptEnd = html.Length;
            }

            var start = html.Length;
            renderer.Render(block);
            if (!hasMore && excerptStart is null && block is ParagraphBlock)
            {
                excerptStart = start;
                excerptEnd = html.Length;
            }
        }

        renderer.Writer.Flush();
        var rendered = html.ToString();
        var (excerptFrom, excerptTo) = (excerptStart ?? 0, excerptEnd ?? 0);
        while (excerptTo > excerptFrom && rendered[excerptTo - 1] == '\n')
        {
            excerptTo--; // the excerpt is the element, not the line break Markdig writes after it
        }

        var headings = new List<HeadingInfo>();
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            headings.Add(new HeadingInfo(heading.Level, PlainText.OfHeading(heading), heading.GetAttributes().Id ?? ""));
        }

        var (words, cjk) = PlainText.CountWords(document);
        return new RenderedBody(
            rendered, holes.ToEquatableArray(), excerptFrom, excerptTo, headings.ToEquatableArray(), links.ToEquatableArray(), words, cjk,
            new EquatableArray<BodySpan>(output.Spans));
    }

    /// <summary>Whether an address has a scheme (<c>https:</c>, <c>mailto:</c>) or names another host (<c>//cdn</c>): a build has no network, such links are never checked.</summary>
    internal static bool HasScheme(string url)
    {
        if (url.StartsWith("//", System.StringComparison.Ordinal))
        {
            return true;
        }

        for (var i = 0; i < url.Length; i++)
        {
            var c = url[i];
            if (c == ':')
            {
                return i > 0;
            }

            var isSchemeCharacter = (c is >= 'a' and <= 'z') || (c is >= 'A' and <= 'Z') || (i > 0 && ((c is >= '0' and <= '9') || c is '+' or '-' or '.'));
            if (!isSchemeCharacter)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>A link to a Markdown file by a relative path (<c>../guide/setup.md#install</c>): what may be rewritten to its entry's Url.</summary>
    internal static bool IsRelativeMarkdownLink(string url)
    {
        if (url.Length == 0 || url[0] is '/' or '#' or '?')
        {
            return false;
        }

        var end = url.IndexOfAny(['#', '?']);
        var path = end < 0 ? url : url.Substring(0, end);
        return path.EndsWith(".md", System.StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsMoreMarker(Block block) =>
        block is HtmlBlock html && html.Lines.ToString().Trim() == MoreMarker;

    /// <summary>Writes links as Markdig does, and notes where the address of each rewritable one landed in the output.</summary>
    private sealed class HoleMarkingLinkRenderer(StringBuilder output, Dictionary<LinkInline, int> rewritable, List<HtmlHole> holes) : LinkInlineRenderer
    {
        protected override void Write(HtmlRenderer renderer, LinkInline link)
        {
            if (!rewritable.TryGetValue(link, out var index) || !renderer.EnableHtmlForInline)
            {
                base.Write(renderer, link);
                return;
            }

            var start = output.Length;
            base.Write(renderer, link);

            // The address as Markdig escapes it, found right after where the link started.
            var address = HtmlText.EscapeUrl(link.Url ?? "");
            var at = IndexOf(output, "href=\"" + address + "\"", start);
            if (at >= 0)
            {
                holes.Add(new HtmlHole(at + "href=\"".Length, address.Length, index));
            }
        }

        private static int IndexOf(StringBuilder text, string value, int from)
        {
            for (var i = from; i + value.Length <= text.Length; i++)
            {
                var j = 0;
                while (j < value.Length && text[i + j] == value[j])
                {
                    j++;
                }

                if (j == value.Length)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}

/// <summary>Where a body starts in its file: its places are reported in the file's lines and columns.</summary>
/// <param name="FilePath">The file, as the compiler knows it.</param>
/// <param name="Offset">The body's first character in the file's text.</param>
/// <param name="Line">The body's first line in the file (0-based).</param>
/// <param name="LineStarts">
/// Where each of the body's lines starts in the file's text, when the file has a '\r' in its body (the body is read
/// with '\n' alone, so a CRLF or a lone CR moves the places after it); null when the body's offsets are the file's.
/// </param>
internal readonly record struct BodyPlace(string FilePath, int Offset, int Line, int[]? LineStarts = null)
{
    public LocationInfo LocationOf(LineIndex lines, int position)
    {
        var (line, column) = lines.Find(position);
        var offset = LineStarts is { } starts && line < starts.Length ? starts[line] + column : Offset + position;
        var at = new LinePosition(Line + line, column);
        return new LocationInfo(FilePath, new TextSpan(offset, 1), new LinePositionSpan(at, new LinePosition(at.Line, at.Character + 1)));
    }
}

/// <summary>The line starts of a '\n'-separated text, for turning positions into lines and columns.</summary>
internal sealed class LineIndex
{
    private readonly List<int> _starts = [0];

    public LineIndex(string text)
    {
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
        {
            _starts.Add(i + 1);
        }
    }

    /// <summary>The 0-based line and column (in characters) of <paramref name="position"/>.</summary>
    public (int Line, int Column) Find(int position)
    {
        var line = _starts.BinarySearch(position);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return (line, position - _starts[line]);
    }
}
