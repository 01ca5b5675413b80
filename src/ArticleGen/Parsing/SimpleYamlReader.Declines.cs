namespace ArticleGen.Parsing;

/// <summary>What the fast reader declines before it reads a line: texts whose reading YamlDotNet decides differently.</summary>
internal static partial class SimpleYamlReader
{
    /// <summary>
    /// A last line of blanks or a comment with no line break after it: YamlDotNet then ends the collections still open
    /// at a place of its own, on that line. Front matter always ends with a line break (the closing fence follows).
    /// </summary>
    private static bool EndsInBlankOrCommentWithoutLineBreak(string text, int start, int end)
    {
        if (end == start || text[end - 1] == '\n')
        {
            return false;
        }

        var i = end - 1;
        while (i >= start && text[i] != '\n')
        {
            i--;
        }

        var lineStart = i + 1;
        while (lineStart < end && text[lineStart] == ' ')
        {
            lineStart++;
        }

        return lineStart == end || text[lineStart] == '#';
    }

    /// <summary>
    /// Characters that YAML reads as line breaks or refuses (controls, tabs, lone surrogates, a stray byte-order
    /// mark, U+2028) each carry a rule of their own; a text with any of them goes to YamlDotNet whole.
    /// </summary>
    private static bool HasOnlyPlainCharacters(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c >= ' ' && c < '\u007F')
            {
                continue;
            }

            if (c == '\n' || (c == '\r' && i + 1 < end && text[i + 1] == '\n'))
            {
                continue;
            }

            if (c < '\u00A0' || c is '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF' || char.IsLowSurrogate(c))
            {
                return false;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= end || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
        }

        return true;
    }
}
