using System;
using System.Collections.Generic;
using System.Text;

namespace ArticleGen.Parsing;

/// <summary>
/// The continuation lines of quoted values that start in column 1 (<c>title: "first line</c>, then
/// <c>second line"</c> at the margin). YAML 1.2 wants them indented and YamlDotNet refuses them; libyaml, which
/// Jekyll uses, reads them, and real sites have them. Indenting such a line by one space does not change the
/// value (a quoted value's line breaks fold, and leading spaces are dropped), so the front matter is read with those
/// lines indented, and every position is mapped back to the file.
/// </summary>
internal sealed class QuotedContinuations
{
    public static readonly QuotedContinuations None = new([], []);

    /// <summary>Where a space is inserted, as offsets in the front matter as written, ascending.</summary>
    private readonly int[] _insertions;

    /// <summary>The 0-based lines (of the front matter) that start with an inserted space.</summary>
    private readonly HashSet<int> _lines;

    private QuotedContinuations(int[] insertions, HashSet<int> lines)
    {
        _insertions = insertions;
        _lines = lines;
    }

    /// <summary>
    /// These insertions and those the quoted value starting at <paramref name="quoteOffset"/> (in the front matter as
    /// written) needs; null when it needs none, so that reading again would fail the same way.
    /// </summary>
    public QuotedContinuations? Add(string yaml, int quoteOffset)
    {
        if (quoteOffset < 0 || quoteOffset >= yaml.Length || yaml[quoteOffset] is not ('"' or '\''))
        {
            return null;
        }

        var quote = yaml[quoteOffset];
        var line = LineOf(yaml, quoteOffset);
        var added = new List<int>();
        var addedLines = new List<int>();
        for (var i = quoteOffset + 1; i < yaml.Length; i++)
        {
            var c = yaml[i];
            if (quote == '"' && c == '\\')
            {
                if (i + 1 < yaml.Length && yaml[i + 1] is not ('\n' or '\r'))
                {
                    i++; // an escaped character; an escaped line break is still a line break to indent after
                }

                continue;
            }

            if (c == quote)
            {
                if (quote == '\'' && i + 1 < yaml.Length && yaml[i + 1] == '\'')
                {
                    i++; // '' is a quote inside a single-quoted value
                    continue;
                }

                break;
            }

            if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < yaml.Length && yaml[i + 1] == '\n')
                {
                    i++;
                }

                line++;
                var next = i + 1;
                if (next < yaml.Length && yaml[next] is not (' ' or '\t' or '\n' or '\r') && Array.BinarySearch(_insertions, next) < 0)
                {
                    added.Add(next);
                    addedLines.Add(line);
                }
            }
        }

        if (added.Count == 0)
        {
            return null;
        }

        var insertions = new List<int>(_insertions);
        insertions.AddRange(added);
        insertions.Sort();
        var lines = new HashSet<int>(_lines);
        lines.UnionWith(addedLines);
        return new QuotedContinuations(insertions.ToArray(), lines);
    }

    /// <summary>The front matter as it is read: with a space at each insertion.</summary>
    public string Apply(string yaml)
    {
        if (_insertions.Length == 0)
        {
            return yaml;
        }

        var builder = new StringBuilder(yaml.Length + _insertions.Length);
        var last = 0;
        foreach (var offset in _insertions)
        {
            builder.Append(yaml, last, offset - last).Append(' ');
            last = offset;
        }

        return builder.Append(yaml, last, yaml.Length - last).ToString();
    }

    /// <summary>An offset in the text as read, mapped to the text as written.</summary>
    public int OriginalOffset(int readOffset)
    {
        // The k-th insertion (0-based) stands at _insertions[k] + k in the text as read, which rises with k: count
        // those before readOffset by binary search.
        int low = 0, high = _insertions.Length;
        while (low < high)
        {
            var middle = (low + high) >> 1;
            if (_insertions[middle] + middle < readOffset)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return readOffset - low;
    }

    public bool IsIndented(int line) => _lines.Contains(line);

    /// <summary>The 0-based line of an offset, counting LF, CRLF and CR as YamlDotNet does.</summary>
    private static int LineOf(string text, int offset)
    {
        var line = 0;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                line++;
            }
        }

        return line;
    }
}
