using System.Text;

namespace ArticleGen.Emit;

/// <summary>
/// Text for a <c>///</c> comment: XML-escaped, on one line (every line break, including U+0085, U+2028 and
/// U+2029, ends a <c>///</c> line, after which article text could start a directive), and without characters XML
/// cannot hold (they would make the documentation file badly formed: CS1570).
/// </summary>
internal static class XmlDoc
{
    public static string Escape(string text)
    {
        // Most titles and paths need nothing done: returned as they are (one per entry, ten thousand a build).
        if (NeedsNothing(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\t':
                case var _ when CSharpText.IsLineBreak(c):
                    builder.Append(' ');
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else if (char.IsSurrogate(c) || c < ' ' || c is '\uFFFE' or '\uFFFF')
                    {
                        builder.Append('\uFFFD');
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>Printable ASCII without markup characters, and nothing for <see cref="string.Trim()"/> to take at either end.</summary>
    private static bool NeedsNothing(string text)
    {
        if (text.Length == 0 || text[0] == ' ' || text[text.Length - 1] == ' ')
        {
            return text.Length == 0;
        }

        foreach (var c in text)
        {
            if (c is < ' ' or > '~' or '&' or '<' or '>' or '"')
            {
                return false;
            }
        }

        return true;
    }
}
