using System.Collections.Generic;
using System.Text;
using ArticleGen.Common;

namespace ArticleGen.Parsing;

/// <summary>The reader's values: one-line plain and quoted scalars, and one-line flow sequences of them.</summary>
internal static partial class SimpleYamlReader
{
    private sealed partial class Reader
    {
        private YamlSequence? ReadFlowSequence(int depth)
        {
            if (depth > MaxDepth)
            {
                return null;
            }

            var start = Mark(_pos);
            _pos++;
            var items = new List<YamlNode>();
            SkipSpaces();
            if (At(_pos) != ']')
            {
                while (true)
                {
                    if (++_nodes > MaxNodes || ReadScalar(flow: true) is not { } item)
                    {
                        return null;
                    }

                    items.Add(item);
                    SkipSpaces();
                    if (At(_pos) == ']')
                    {
                        break;
                    }

                    if (At(_pos) != ',')
                    {
                        return null;
                    }

                    _pos++;
                    SkipSpaces();
                }
            }

            // YamlDotNet's sequence ends where its ']' starts.
            var end = Mark(_pos);
            _pos++;
            return new YamlSequence(new SourceRange(start, end), items.ToEquatableArray(), 1 + items.Count);
        }

        private static bool IsFlowIndicator(char c) => c is ',' or '[' or ']' or '{' or '}';

        private YamlScalar? ReadScalar(bool flow) => At(_pos) switch
        {
            '"' or '\'' => ReadQuoted(At(_pos)),
            _ => ReadPlain(flow),
        };

        /// <summary>A plain scalar on one line: it ends at ": ", at " #", at the line's end, and in a flow at ",[]{}".</summary>
        private YamlScalar? ReadPlain(bool flow)
        {
            var start = _pos;
            var first = At(start);

            // Indicators cannot start a plain scalar; '-' can when a non-blank follows ("-1"), except in a flow before
            // ",[]{}" (YamlDotNet refuses "[-]"); '?' and ':' are left to YamlDotNet.
            if (first is '\0' or '?' or ':' or '#' or '&' or '*' or '!' or '|' or '>' or '%' or '@' or '`' || IsFlowIndicator(first)
                || (first == '-' && (IsBlankOrEnd(start + 1) || (flow && IsFlowIndicator(At(start + 1))))))
            {
                return null;
            }

            var end = start;
            var i = start;
            while (i < _end)
            {
                var c = _yaml[i];
                if (c is '\n' or '\r'
                    || (c == ':' && (IsBlankOrEnd(i + 1) || flow))
                    || (c == '#' && _yaml[i - 1] == ' ')
                    || (flow && IsFlowIndicator(c)))
                {
                    break;
                }

                if (c == '*' && _yaml[i - 1] == ' ')
                {
                    // A word that starts like an alias: YamlDotNet then reads a first key's ": " inside it as part of
                    // the scalar ("y *: z" is one value there), a rule of its own left to it.
                    return null;
                }

                i++;
                if (c != ' ')
                {
                    end = i;
                }
            }

            _pos = end;
            return new YamlScalar(new SourceRange(Mark(start), Mark(end)), _yaml.Substring(start, end - start), ScalarStyle.Plain);
        }

        /// <summary>
        /// A quoted scalar on one line: in single quotes '' stands for ', in double quotes the escapes front matter
        /// uses (\", \\, \/, \n, \r, \t, \0); any other escape, and a value that goes on to the next line, is declined.
        /// </summary>
        private YamlScalar? ReadQuoted(char quote)
        {
            var start = _pos;
            StringBuilder? unescaped = null;
            var runStart = start + 1;
            var i = runStart;
            while (true)
            {
                var c = At(i);
                if (c is '\0' or '\n' or '\r')
                {
                    return null; // continues on the next line: folding is YamlDotNet's
                }

                char? escaped;
                if (c == quote)
                {
                    if (quote == '"' || At(i + 1) != '\'')
                    {
                        break;
                    }

                    escaped = '\'';
                }
                else if (c == '\\' && quote == '"')
                {
                    escaped = At(i + 1) switch
                    {
                        '"' => '"',
                        '\\' => '\\',
                        '/' => '/',
                        'n' => '\n',
                        'r' => '\r',
                        't' => '\t',
                        '0' => '\0',
                        _ => null,
                    };
                    if (escaped is null)
                    {
                        return null;
                    }
                }
                else
                {
                    i++;
                    continue;
                }

                (unescaped ??= new StringBuilder()).Append(_yaml, runStart, i - runStart).Append(escaped.Value);
                i += 2;
                runStart = i;
            }

            var value = unescaped is null
                ? _yaml.Substring(runStart, i - runStart)
                : unescaped.Append(_yaml, runStart, i - runStart).ToString();
            _pos = i + 1;
            return new YamlScalar(new SourceRange(Mark(start), Mark(_pos)), value, quote == '"' ? ScalarStyle.DoubleQuoted : ScalarStyle.SingleQuoted);
        }
    }
}
