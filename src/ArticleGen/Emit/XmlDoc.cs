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
}
