using System.Globalization;
using System.IO;
using Markdig.Renderers;

namespace ArticleGen.Rendering;

/// <summary>Text as Markdig writes it into HTML, for what the catalog puts into rendered HTML after rendering.</summary>
internal static class HtmlText
{
    /// <summary>An address as Markdig writes a link's <c>href</c>: percent-encoded where a URL must be, and HTML-escaped.</summary>
    public static string EscapeUrl(string url)
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var renderer = new HtmlRenderer(output);
        renderer.WriteEscapeUrl(url);
        renderer.Writer.Flush();
        return output.ToString();
    }
}
